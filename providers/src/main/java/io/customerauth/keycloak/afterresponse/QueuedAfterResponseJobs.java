package io.customerauth.keycloak.afterresponse;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A session's {@link AfterResponseJobs}: each job is handed to the server's {@link BoundedJobQueue} when the session's
 * transaction has committed, and runs there through {@link KeycloakModelUtils#runJobInTransaction}. A job that does
 * not fit is counted under its name ({@link AfterResponseMetrics}), told ({@link AfterResponseJob#dropped()}), and,
 * at most once a minute per realm and node, reported: a warning and the job's own report to the realm.
 */
final class QueuedAfterResponseJobs implements AfterResponseJobs {

    private static final Logger LOG = Logger.getLogger(QueuedAfterResponseJobs.class);

    private final KeycloakSession session;
    private final BoundedJobQueue queue;
    private final AfterResponseMetrics metrics;

    QueuedAfterResponseJobs(KeycloakSession session, BoundedJobQueue queue, AfterResponseMetrics metrics) {
        this.session = session;
        this.queue = queue;
        this.metrics = metrics;
    }

    @Override
    public void enlist(AfterResponseJob job) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = session.getContext().getRealm().getId();
        CallerAddress caller = CallerAddress.of(session.getContext().getConnection());
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                BoundedJobQueue.Admission admission = queue.submit(realmId, () -> runLogged(factory, job::run));
                if (admission.queued()) {
                    return;
                }
                metrics.dropped(job.name());
                job.dropped();
                if (admission.dropsToReport() > 0) {
                    runLogged(factory, report -> reportDrops(report, job, realmId, caller, admission.dropsToReport()));
                }
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private void reportDrops(KeycloakSession report, AfterResponseJob job, String realmId, CallerAddress caller,
                             long drops) {
        RealmModel realm = report.realms().getRealm(realmId);
        report.getContext().setRealm(realm);
        LOG.warnf("customer-auth after-response queue full for realm %s on this node (%d jobs of the realm at most,"
                + " or the server's queue is full): %d job(s) dropped since the last report; callers got the usual"
                + " answer", realm.getName(), queue.jobsPerRealm(), drops);
        job.reportDrops(report, realm, caller, drops);
    }

    private static void runLogged(KeycloakSessionFactory factory, KeycloakSessionTask task) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, task);
        } catch (RuntimeException e) {
            LOG.error("customer-auth after-response job failed", e);
        }
    }

    /** The queue outlives every session: closing a session's view of it does nothing. */
    @Override
    public void close() {
    }
}
