package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.flows.StatelessFactory;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Ends a login-page reset as {@code POST /reset_password/} ends one, once Keycloak's own update-password page has
 * set the new password: every session of the customer ends, brute-force failures are cleared, a "your password was
 * changed" mail goes out after the answer, and a {@code RESET_PASSWORD} event is recorded (Keycloak records
 * {@code UPDATE_CREDENTIAL} itself). It shows no page. {@link ResetCodeAuthenticator} adds it to the authentication
 * session after a right code; it must come after *Update Password* in the realm's required actions (its priority).
 * Anywhere else (an admin assigning it to a user, say) it does nothing.
 */
public final class ResetFinishAction implements RequiredActionProvider, RequiredActionFactory,
        StatelessFactory<RequiredActionProvider> {

    public static final String PROVIDER_ID = "customer-reset-finish";
    private static final Logger LOG = Logger.getLogger(ResetFinishAction.class);

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String codeUsedAt = authSession.getAuthNote(ResetCodeAuthenticator.CODE_USED_AT);
        UserModel user = context.getUser();
        if (codeUsedAt != null && passwordChangedSince(user, Long.parseLong(codeUsedAt))) {
            PasswordChanged.of(context.getSession()).after(user);
            context.getEvent().clone().event(EventType.RESET_PASSWORD).user(user)
                    .detail(Details.USERNAME, user.getUsername())
                    .detail(Details.EMAIL, user.getEmail())
                    .success();
        } else if (codeUsedAt != null) {
            LOG.warnf("verification-code reset of user %s ended without a new password: is Update Password before"
                    + " %s in the realm's required actions, and Reset Password in its reset-credentials flow?",
                    user.getId(), PROVIDER_ID);
        }
        authSession.removeAuthNote(ResetCodeAuthenticator.CODE_USED_AT);
        context.success();
    }

    private static boolean passwordChangedSince(UserModel user, long epochSeconds) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate)
                .anyMatch(created -> created != null && created >= epochSeconds * 1000);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Verification-code reset: sign out everywhere, notice mail";
    }

    /** Both a provider and its factory: one close for both, with nothing to close. */
    @Override
    public void close() {
    }
}
