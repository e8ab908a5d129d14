package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.metrics.PackMetrics;
import io.customerauth.keycloak.metrics.PackMetrics.ResetCodeOutcome;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.BruteForceProtector;

import java.util.stream.Collectors;

/**
 * Sets a new password with a verification code: the realm's password policy first (a refusal leaves the code
 * usable), then the code is used up atomically, the password changed, every session ended, brute-force failures
 * cleared, events recorded, and a "your password was changed" mail sent after the answer.
 */
public final class PasswordReset {

    private static final Logger LOG = Logger.getLogger(PasswordReset.class);

    private final KeycloakSession session;
    private final String clientId;

    public PasswordReset(KeycloakSession session, String clientId) {
        this.session = session;
        this.clientId = clientId;
    }

    public sealed interface Outcome {
    }

    public record Done() implements Outcome {
    }

    /** Wrong, expired, used or unknown code, or unknown email: deliberately one case. */
    public record InvalidCode() implements Outcome {
    }

    public record PasswordRefused(String reason) implements Outcome {
    }

    public Outcome reset(String email, String code, String newPassword) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = realm.getClientByClientId(clientId);
        UserModel user = session.users().getUserByEmail(realm, email);
        if (user == null || !user.isEnabled()) {
            return new InvalidCode();
        }
        EventBuilder event = event(realm, client, user, EventType.RESET_PASSWORD);
        ResetCodeStore codes = new ResetCodeStore(session, ResetCodeSettings.of(realm));
        if (!codes.check(realm, user, code)) {
            event.error(Errors.INVALID_CODE);
            return new InvalidCode();
        }
        PolicyError policyError = session.getProvider(PasswordPolicyManagerProvider.class)
                .validate(realm, user, newPassword);
        if (policyError != null) {
            event.error(Errors.PASSWORD_REJECTED);
            return new PasswordRefused(new PolicyMessages(session).format(policyError));
        }
        if (!codes.consume(realm, user, code)) {
            event.error(Errors.INVALID_CODE);
            return new InvalidCode();
        }
        PackMetrics.resetCode(ResetCodeOutcome.USED);
        user.credentialManager().updateCredential(UserCredentialModel.password(newPassword, false));
        afterPasswordChanged(realm, user);
        event.success();
        event(realm, client, user, EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                .success();
        return new Done();
    }

    /**
     * What follows a reset's new password, here and on the login page ({@link ResetFinishAction}): every session
     * ends, brute-force failures are cleared, and a "your password was changed" mail goes out after the answer.
     */
    void afterPasswordChanged(RealmModel realm, UserModel user) {
        signOutEverywhere(realm, user);
        clearLoginFailures(realm, user);
        String realmId = realm.getId();
        String userId = user.getId();
        AfterResponse.run(session, job -> mailPasswordChanged(job, realmId, userId));
    }

    /** As the admin console's "Sign out": tokens issued before now stop working, live sessions end. */
    private void signOutEverywhere(RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        session.sessions().getUserSessionsStream(realm, user)
                .collect(Collectors.toList())
                .forEach(userSession -> AuthenticationManager.backchannelLogout(session, realm, userSession,
                        session.getContext().getUri(), session.getContext().getConnection(),
                        session.getContext().getRequestHeaders(), true));
    }

    private void clearLoginFailures(RealmModel realm, UserModel user) {
        session.loginFailures().removeUserLoginFailure(realm, user.getId());
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        if (protector.isPermanentlyLockedOut(session, realm, user)) {
            protector.cleanUpPermanentLockout(session, realm, user);
        }
    }

    private EventBuilder event(RealmModel realm, ClientModel client, UserModel user, EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(client)
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(Details.EMAIL, user.getEmail());
    }

    private static void mailPasswordChanged(KeycloakSession job, String realmId, String userId) {
        RealmModel realm = job.realms().getRealm(realmId);
        job.getContext().setRealm(realm);
        UserModel user = job.users().getUserById(realm, userId);
        if (user == null || user.getEmail() == null) {
            return;
        }
        try {
            new CustomerMail(job, realm, user).sendPasswordChanged();
        } catch (EmailException e) {
            LOG.warnf("could not mail the password-changed notice to user %s: %s", userId,
                    CustomerMail.describe(e));
        }
    }
}
