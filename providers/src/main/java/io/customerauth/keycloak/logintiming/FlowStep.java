package io.customerauth.keycloak.logintiming;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.FlowStatus;

/** What an authenticator decided, read back from its context after Keycloak's own step has run. */
final class FlowStep {

    private FlowStep() {
    }

    /**
     * Whether the step refused the login. The context Keycloak hands authenticators is its processor's result; any
     * other context (none exists in 26.7) counts as refused, so the failure is padded rather than left fast.
     */
    static boolean refused(AuthenticationFlowContext context) {
        return !(context instanceof AuthenticationProcessor.Result result)
                || (result.getStatus() != FlowStatus.SUCCESS && result.getStatus() != FlowStatus.ATTEMPTED);
    }
}
