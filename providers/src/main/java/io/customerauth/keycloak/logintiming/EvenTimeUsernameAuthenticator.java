package io.customerauth.keycloak.logintiming;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;

/**
 * Keycloak's direct-grant username step ({@link ValidateUsername}: lookup, brute-force check, dummy hash for an
 * unknown user), whose refusals (no such email, a disabled or locked-out account) take at least the node's
 * {@link FailedLoginFloor failed-login floor}, and whose own cost before that is learned into the floor. In Keycloak an authenticator of this kind is its own factory.
 */
public final class EvenTimeUsernameAuthenticator extends ValidateUsername {

    public static final String PROVIDER_ID = "customer-validate-username";
    private static final String REFUSAL_COST = "username-step-refusal";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        FailedLoginFloor floor = context.getSession().getProvider(FailedLoginFloor.class);
        long start = LoginStart.of(context.getSession(), floor.now());
        super.authenticate(context);
        if (FlowStep.refused(context)) {
            // its own cost (the dummy hash, a disabled account's verification) counts towards the floor too
            floor.record(REFUSAL_COST, floor.now() - start);
            floor.padFailure(start);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Username validation (even timing)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's direct-grant username validation; a refusal takes as long as a failed password check,"
                + " so the answer's timing does not tell whether the email exists.";
    }
}
