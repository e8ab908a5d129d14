package io.customerauth.keycloak.clientversion;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.util.Optional;

/**
 * Finds the minimum client version an admin configured on the client-version authenticator of the direct-grant
 * flow that applies to a client, so the JSON API and the token endpoint always agree: the flow is the one source of
 * truth. Where the flow has no enabled client-version step (disabled or removed), there is no rule, for the API as
 * for the token endpoint. Reads only the cached realm model: no database round trip per request.
 */
public final class MinimumClientVersion {

    private MinimumClientVersion() {
    }

    /** The minimum the client's direct-grant flow enforces, or empty when the flow enforces none. */
    public static Optional<ClientVersion> of(RealmModel realm, ClientModel client) {
        return directGrantFlow(realm, client)
                .flatMap(flow -> findConfig(realm, flow.getId()))
                .map(ClientVersionConfig::minimum);
    }

    private static Optional<AuthenticationFlowModel> directGrantFlow(RealmModel realm, ClientModel client) {
        String override = client == null ? null
                : client.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.DIRECT_GRANT_BINDING);
        if (override != null) {
            return Optional.ofNullable(realm.getAuthenticationFlowById(override));
        }
        return Optional.ofNullable(realm.getDirectGrantFlow());
    }

    private static Optional<ClientVersionConfig> findConfig(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> execution.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .map(execution -> execution.isAuthenticatorFlow()
                        ? findConfig(realm, execution.getFlowId())
                        : configOf(realm, execution))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<ClientVersionConfig> configOf(RealmModel realm, AuthenticationExecutionModel execution) {
        if (!ClientVersionAuthenticatorFactory.PROVIDER_ID.equals(execution.getAuthenticator())) {
            return Optional.empty();
        }
        String configId = execution.getAuthenticatorConfig();
        return Optional.of(ClientVersionConfig.of(configId == null ? null : realm.getAuthenticatorConfigById(configId)));
    }
}
