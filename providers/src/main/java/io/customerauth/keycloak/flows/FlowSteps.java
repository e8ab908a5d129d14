package io.customerauth.keycloak.flows;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a pack step's settings from the flow it sits in, so that the flow an admin edits in Authentication is the one
 * source of them for the flow and for the JSON API alike. Reads only the cached realm model: no database round trip
 * per request.
 */
public final class FlowSteps {

    private FlowSteps() {
    }

    /**
     * The first enabled step of this provider in the flow, its enabled sub-flows included, in the flow's order; empty
     * when there is no such step, or only disabled ones.
     */
    public static Optional<AuthenticationExecutionModel> findEnabled(RealmModel realm, AuthenticationFlowModel flow,
                                                                     String providerId) {
        return flow == null ? Optional.empty() : findEnabled(realm, flow.getId(), providerId);
    }

    /** The step's settings as the admin console saved them; empty when it has none. */
    public static Map<String, String> configOf(RealmModel realm, AuthenticationExecutionModel step) {
        String configId = step.getAuthenticatorConfig();
        AuthenticatorConfigModel config = configId == null ? null : realm.getAuthenticatorConfigById(configId);
        return config == null || config.getConfig() == null ? Map.of() : config.getConfig();
    }

    private static Optional<AuthenticationExecutionModel> findEnabled(RealmModel realm, String flowId,
                                                                      String providerId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> execution.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .map(execution -> execution.isAuthenticatorFlow()
                        ? findEnabled(realm, execution.getFlowId(), providerId)
                        : Optional.of(execution).filter(step -> providerId.equals(step.getAuthenticator())))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
