package io.customerauth.keycloak.clientversion;

import io.customerauth.keycloak.flows.FlowSteps;
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
                .flatMap(flow -> FlowSteps.findEnabled(realm, flow, ClientVersionAuthenticatorFactory.PROVIDER_ID))
                .map(step -> ClientVersionConfig.of(FlowSteps.configOf(realm, step)).minimum());
    }

    private static Optional<AuthenticationFlowModel> directGrantFlow(RealmModel realm, ClientModel client) {
        String override = client == null ? null
                : client.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.DIRECT_GRANT_BINDING);
        if (override != null) {
            return Optional.ofNullable(realm.getAuthenticationFlowById(override));
        }
        return Optional.ofNullable(realm.getDirectGrantFlow());
    }
}
