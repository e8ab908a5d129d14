package io.customerauth.keycloak.clientversion;

import io.customerauth.keycloak.flows.PackStep;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses clients older than the configured minimum at Keycloak's own token endpoint, so that the realm's
 * direct-grant flow enforces the same rule as the JSON API.
 *
 * <p>A refusal is a forced challenge, not a failure: Keycloak's brute-force detector only counts failures, and an
 * old app is not a wrong password.
 */
final class ClientVersionAuthenticator implements PackStep {

    static final String EVENT_ERROR = "client_version_refused";

    private final VersionRefusals refusals;

    ClientVersionAuthenticator(VersionRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        ClientVersionConfig config = ClientVersionConfig.of(context.getAuthenticatorConfig());
        String header = context.getHttpRequest().getHttpHeaders().getHeaderString(ClientVersionVerdict.HEADER);
        ClientVersionVerdict verdict = ClientVersionVerdict.of(header, config.minimum());
        if (verdict == ClientVersionVerdict.ACCEPTED) {
            context.success();
            return;
        }
        if (verdict == ClientVersionVerdict.TOO_OLD) {
            refusals.refused("token", config.minimum());
        }
        context.getEvent()
                .detail("reason", verdict.name().toLowerCase(Locale.ROOT))
                .detail("minimum_version", config.minimum().toString())
                .error(EVENT_ERROR);
        context.forceChallenge(refusal(verdict, config.minimum()));
    }

    /** An OAuth2 error body, as the token endpoint's other errors, plus the minimum an old client needs. */
    private static Response refusal(ClientVersionVerdict verdict, ClientVersion minimum) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", verdict == ClientVersionVerdict.TOO_OLD ? "unsupported_client_version" : "invalid_request");
        body.put("error_description", verdict.message());
        if (verdict == ClientVersionVerdict.TOO_OLD) {
            body.put("minimum_version", minimum.toString());
        }
        return Response.status(verdict.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}
