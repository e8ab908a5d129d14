package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.flows.PackStep;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The login page's "Forgot password?" with the JSON API's mechanism: after Keycloak's *Choose user* step it asks
 * {@link ForgotPassword} for a code exactly as {@code POST /forgot_password/} does (the same limits, throttle, code
 * store and off-thread mail, so the page is the same whether or not the account exists), then takes the code from
 * the customer. A code is checked with the same try counting as {@code POST /reset_password/} and used once; then
 * Keycloak's own *Reset Password* step and its update-password page follow, and {@link ResetFinishAction} ends the
 * reset as the API does. The customer is not signed in afterwards: they sign in with the new password.
 */
final class ResetCodeAuthenticator implements PackStep {

    static final String TEMPLATE = "login-customer-reset-code.ftl";
    static final String CODE_FIELD = "code";
    static final String RESEND = "resend";
    /** When the code was used (epoch seconds), for {@link ResetFinishAction}: set only by a right code. */
    static final String CODE_USED_AT = "customer-auth.reset-code-used-at";

    private final ResetCodeOutcomes outcomes;

    ResetCodeAuthenticator(ResetCodeOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        requestCode(context);
        context.challenge(form(context).setInfo("customerResetCodeSent").createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(RESEND)) {
            authenticate(context);
            return;
        }
        String code = form.getFirst(CODE_FIELD);
        if (code == null || code.isBlank()) {
            context.challenge(form(context).addError(new FormMessage(CODE_FIELD, "customerResetCodeMissing"))
                    .createForm(TEMPLATE));
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        boolean accountCanReset = user != null && user.isEnabled();
        if (accountCanReset && new ResetCodeStore(session, ResetCodeSettings.of(realm), outcomes)
                .use(realm, user, code.strip())) {
            AuthenticationSessionModel authSession = context.getAuthenticationSession();
            authSession.setAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS, "true");
            authSession.setAuthNote(CODE_USED_AT, Integer.toString(Time.currentTime()));
            authSession.addRequiredAction(ResetFinishAction.PROVIDER_ID);
            context.success();
            return;
        }
        if (accountCanReset) {
            // As the API: an event for a wrong code of a real account, none for an unknown one.
            context.getEvent().clone().user(user)
                    .detail(Details.USERNAME, user.getUsername())
                    .detail(Details.EMAIL, user.getEmail())
                    .error(Errors.INVALID_CODE);
        }
        // Not a failure for brute-force detection: the code's own tries count it, as on the API.
        context.challenge(form(context).addError(new FormMessage(CODE_FIELD, "customerResetCodeInvalid"))
                .createForm(TEMPLATE));
    }

    /** What {@code POST /forgot_password/} does with the email the customer gave on the previous page. */
    private void requestCode(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String email = user != null && user.getEmail() != null ? user.getEmail()
                : context.getAuthenticationSession().getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        if (email == null || email.isBlank()) {
            return;
        }
        String clientId = context.getAuthenticationSession().getClient().getClientId();
        ForgotPassword.of(context.getSession(), clientId, outcomes).request(email.strip());
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return context.form()
                .setAttribute("codeLifetimeMinutes", ResetCodeSettings.of(context.getRealm()).lifetimeMinutes());
    }
}
