package io.customerauth.keycloak.resetcode;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "I forgot my password": mails a fresh verification code to the account with this email, if there is one that can
 * use it. The request itself does nothing that depends on the account; everything else runs after the answer
 * ({@link AfterResponse}), so every caller gets the same answer in the same time, and an SMTP failure is an event
 * for admins rather than a different answer.
 */
public final class ForgotPassword {

    private static final Logger LOG = Logger.getLogger(ForgotPassword.class);
    private static final String THROTTLE_PREFIX = "customer-auth:reset-throttle:";

    private final KeycloakSession session;
    private final String clientId;

    public ForgotPassword(KeycloakSession session, String clientId) {
        this.session = session;
        this.clientId = clientId;
    }

    public void request(String email) {
        String realmId = session.getContext().getRealm().getId();
        CallerAddress caller = CallerAddress.of(session.getContext().getConnection());
        String client = clientId;
        AfterResponse.run(session, job -> mailCode(job, realmId, client, email, caller));
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
            return;
        }
        ResetCodeSettings settings = ResetCodeSettings.of(realm);
        if (isThrottled(job, realm, user, settings)) {
            LOG.debugf("verification code for user %s throttled", user.getId());
            return;
        }
        String code = new ResetCodeStore(job, settings).issue(realm, user);
        EventBuilder event = new EventBuilder(realm, job, caller)
                .event(EventType.SEND_RESET_PASSWORD)
                .client(realm.getClientByClientId(clientId))
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(Details.EMAIL, user.getEmail());
        try {
            new CustomerMail(job, realm, user).sendResetCode(code, settings.lifetimeMinutes());
            event.success();
        } catch (EmailException e) {
            LOG.warnf("could not mail a verification code to user %s: %s", user.getId(), CustomerMail.describe(e));
            event.error(Errors.EMAIL_SEND_FAILED);
        }
    }

    /** At most one mail per throttle period; the atomic putIfAbsent makes that hold across a cluster. */
    private static boolean isThrottled(KeycloakSession job, RealmModel realm, UserModel user,
                                       ResetCodeSettings settings) {
        return settings.throttleSeconds() > 0 && !job.singleUseObjects()
                .putIfAbsent(THROTTLE_PREFIX + realm.getId() + ":" + user.getId(), settings.throttleSeconds());
    }
}
