package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.metrics.PackMetrics;
import io.customerauth.keycloak.metrics.PackMetrics.ResetCodeOutcome;
import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import io.customerauth.keycloak.resetcode.WindowLimit.Verdict;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * "I forgot my password": mails a fresh verification code to the account with this email, if there is one that can
 * use it. The request itself does nothing that depends on the account; everything else runs after the answer
 * ({@link AfterResponse}), so every caller gets the same answer in the same time, and an SMTP failure is an event
 * for admins rather than a different answer.
 *
 * <p>Flood limits, all cluster-wide and none visible in the answer: requests per client address (checked before
 * any work is queued, reported once per window), one mail per user per throttle period, and verification-code mails
 * per realm (each refused mail an event on the user). A refusal is a {@code SEND_RESET_PASSWORD_ERROR} event and
 * a log line, never the email or the code.
 */
public final class ForgotPassword {

    static final String ADDRESS_LIMIT = "address_limit_exceeded";
    static final String REALM_MAIL_LIMIT = "realm_mail_limit_exceeded";
    private static final Logger LOG = Logger.getLogger(ForgotPassword.class);
    private static final String THROTTLE_PREFIX = "customer-auth:reset-throttle:";

    private final KeycloakSession session;
    private final String clientId;

    public ForgotPassword(KeycloakSession session, String clientId) {
        this.session = session;
        this.clientId = clientId;
    }

    public void request(String email) {
        RealmModel realm = session.getContext().getRealm();
        String realmId = realm.getId();
        ResetCodeSettings settings = ResetCodeSettings.of(realm);
        CallerAddress caller = CallerAddress.of(session.getContext().getConnection());
        Verdict verdict = new ResetLimits(session.singleUseObjects(), realmId, settings)
                .admitRequestFrom(caller.getRemoteAddr());
        String client = clientId;
        if (verdict.admitted()) {
            AfterResponse.run(session, job -> mailCode(job, realmId, client, email, caller));
            return;
        }
        PackMetrics.resetCode(ResetCodeOutcome.DROPPED_LIMIT);
        Limit limit = settings.perAddress();
        if (verdict == Verdict.REFUSED_FIRST) {
            LOG.warnf("forgot-password requests from this address over the realm's limit of %d per %d s: no mail"
                    + " for it until the window ends", limit.count(), limit.windowSeconds());
            AfterResponse.run(session, job -> event(job, job.realms().getRealm(realmId), client, caller)
                    .detail(Details.REASON, limit.count() + " per " + limit.windowSeconds() + " s")
                    .error(ADDRESS_LIMIT));
        } else {
            LOG.debugf("forgot-password request over the per-address limit dropped");
        }
    }

    /**
     * The work after the answer. Static, and given only strings, so that a job waiting in the executor's queue holds
     * a few hundred bytes and not the request's session: under a flood of requests the queue grows, and jobs that
     * kept their sessions filled a 512 MiB heap within a minute (bench/, forgot-password pair).
     */
    private static void mailCode(KeycloakSession job, String realmId, String clientId, String email,
                                 CallerAddress caller) {
        RealmModel realm = job.realms().getRealm(realmId);
        job.getContext().setRealm(realm);
        UserModel user = job.users().getUserByEmail(realm, email);
        if (user == null || !user.isEnabled() || user.getEmail() == null) {
            PackMetrics.resetCode(ResetCodeOutcome.NO_ACCOUNT);
            return;
        }
        ResetCodeSettings settings = ResetCodeSettings.of(realm);
        if (isThrottled(job, realm, user, settings)) {
            LOG.debugf("verification code for user %s throttled", user.getId());
            PackMetrics.resetCode(ResetCodeOutcome.THROTTLED);
            return;
        }
        EventBuilder event = event(job, realm, clientId, caller).user(user);
        Verdict mailVerdict = new ResetLimits(job.singleUseObjects(), realmId, settings).admitMail();
        if (!mailVerdict.admitted()) {
            Limit limit = settings.perRealm();
            if (mailVerdict == Verdict.REFUSED_FIRST) {
                LOG.warnf("realm %s reached its limit of %d verification-code mails per %d s: no more until the"
                        + " window ends (user %s and the next ones get none)", realm.getName(), limit.count(),
                        limit.windowSeconds(), user.getId());
            } else {
                LOG.debugf("verification-code mail for user %s over the realm's limit dropped", user.getId());
            }
            // The user id only: Keycloak's event logger writes every detail to the log, and a drop never logs an email.
            event.detail(Details.REASON, limit.count() + " per " + limit.windowSeconds() + " s")
                    .error(REALM_MAIL_LIMIT);
            PackMetrics.resetCode(ResetCodeOutcome.DROPPED_LIMIT);
            return;
        }
        event.detail(Details.USERNAME, user.getUsername()).detail(Details.EMAIL, user.getEmail());
        String code = issueBeforeMailing(job, realmId, user.getId(), settings);
        try {
            new CustomerMail(job, realm, user).sendResetCode(code, settings.lifetimeMinutes());
            event.success();
            PackMetrics.resetCode(ResetCodeOutcome.MAILED);
        } catch (EmailException e) {
            LOG.warnf("could not mail a verification code to user %s: %s", user.getId(), CustomerMail.describe(e));
            event.error(Errors.EMAIL_SEND_FAILED);
            PackMetrics.resetCode(ResetCodeOutcome.MAIL_FAILED);
        }
    }

    /**
     * A new code, stored in a transaction of its own that has committed (and reached every node of a cluster) when
     * this returns. The store writes a new code at its transaction's commit: issued in the mail job's transaction, the
     * code would be stored only after the mail had left, and a node dying in between would take a mailed code with it.
     */
    private static String issueBeforeMailing(KeycloakSession job, String realmId, String userId,
                                             ResetCodeSettings settings) {
        return KeycloakModelUtils.runJobInTransactionWithResult(job.getKeycloakSessionFactory(), store -> {
            RealmModel realm = store.realms().getRealm(realmId);
            store.getContext().setRealm(realm);
            return new ResetCodeStore(store, settings).issue(realm, store.users().getUserById(realm, userId));
        });
    }

    private static EventBuilder event(KeycloakSession job, RealmModel realm, String clientId, CallerAddress caller) {
        return new EventBuilder(realm, job, caller)
                .event(EventType.SEND_RESET_PASSWORD)
                .client(realm.getClientByClientId(clientId));
    }

    /** At most one mail per throttle period; the atomic putIfAbsent makes that hold across a cluster. */
    private static boolean isThrottled(KeycloakSession job, RealmModel realm, UserModel user,
                                       ResetCodeSettings settings) {
        return settings.throttleSeconds() > 0 && !job.singleUseObjects()
                .putIfAbsent(THROTTLE_PREFIX + realm.getId() + ":" + user.getId(), settings.throttleSeconds());
    }
}
