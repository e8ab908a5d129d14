package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.mailqueue.MailQueue;
import io.customerauth.keycloak.metrics.PackMetrics;
import io.customerauth.keycloak.metrics.PackMetrics.ResetCodeOutcome;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs work after the request's transaction commits, on the pack's bounded {@link MailQueue}, in a fresh session and
 * transaction of its own: the answer never waits for it (SMTP can take seconds) and its timing says nothing about the
 * account. Work that does not fit in the queue is dropped: the caller's answer does not change, and the drop is a
 * {@code SEND_RESET_PASSWORD_ERROR} event ({@value #QUEUE_FULL}) and a log line, at most once a minute per realm
 * and node, with the number of jobs dropped.
 */
final class AfterResponse {

    static final String QUEUE_FULL = "mail_queue_full";
    static final String DROPPED_JOBS = "dropped_jobs";
    private static final Logger LOG = Logger.getLogger(AfterResponse.class);

    private AfterResponse() {
    }

    static void run(KeycloakSession session, KeycloakSessionTask task) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        RealmModel realm = session.getContext().getRealm();
        String realmId = realm.getId();
        int maxQueued = ResetCodeSettings.of(realm).maxQueuedJobs();
        CallerAddress caller = CallerAddress.of(session.getContext().getConnection());
        MailQueue queue = session.getProvider(MailQueue.class);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                MailQueue.Admission admission = queue.submit(realmId, maxQueued, () -> runLogged(factory, task));
                if (!admission.queued()) {
                    PackMetrics.resetCode(ResetCodeOutcome.DROPPED_QUEUE_FULL);
                }
                if (admission.dropsToReport() > 0) {
                    runLogged(factory, job -> reportDrops(job, realmId, caller, maxQueued, admission.dropsToReport()));
                }
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private static void reportDrops(KeycloakSession job, String realmId, CallerAddress caller, int maxQueued,
                                    long drops) {
        RealmModel realm = job.realms().getRealm(realmId);
        job.getContext().setRealm(realm);
        LOG.warnf("customer-auth mail queue full for realm %s on this node (%d jobs of the realm at most, or the"
                + " server's queue is full): %d job(s) dropped since the last report; callers got the usual answer",
                realm.getName(), maxQueued, drops);
        new EventBuilder(realm, job, caller)
                .event(EventType.SEND_RESET_PASSWORD)
                .detail(DROPPED_JOBS, Long.toString(drops))
                .error(QUEUE_FULL);
    }

    private static void runLogged(KeycloakSessionFactory factory, KeycloakSessionTask task) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, task);
        } catch (RuntimeException e) {
            LOG.error("customer-auth background job failed", e);
        }
    }
}
