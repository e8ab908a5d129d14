package io.customerauth.keycloak.api;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.WebOriginsUtils;

import java.util.Set;

/**
 * CORS for browser apps: an origin listed in the customer app's Web Origins (resolved by Keycloak, so {@code +}
 * and redirect-URI-derived origins work as everywhere in Keycloak) gets the CORS headers; any other origin gets
 * none, and the browser keeps the answer from it.
 */
final class ApiCors {

    /** Every method of the route table, and preflight. */
    static final String ALLOWED_METHODS = String.join(", ", ApiRoute.allowedMethods());
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Client-Version, X-Request-ID";
    static final String EXPOSED_HEADERS = "X-Request-ID, WWW-Authenticate";
    private static final String MAX_AGE_SECONDS = "3600";

    private ApiCors() {
    }

    /** Adds the headers of an actual (non-preflight) response when the caller's origin is allowed. */
    static void addTo(Response.ResponseBuilder response, KeycloakSession session, String clientId) {
        String origin = allowedOrigin(session, clientId);
        response.header("Vary", "Origin");
        if (origin != null) {
            response.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Credentials", "true")
                    .header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    /** The answer to a preflight: 204, with the CORS headers only for an allowed origin. */
    static Response preflight(KeycloakSession session, String clientId) {
        Response.ResponseBuilder response = Response.noContent().header("Vary", "Origin");
        String origin = allowedOrigin(session, clientId);
        if (origin != null) {
            response.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Credentials", "true")
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
        return response.build();
    }

    private static String allowedOrigin(KeycloakSession session, String clientId) {
        String origin = session.getContext().getRequestHeaders().getHeaderString("Origin");
        if (origin == null) {
            return null;
        }
        ClientModel client = session.getContext().getRealm().getClientByClientId(clientId);
        if (client == null) {
            return null;
        }
        Set<String> allowed = WebOriginsUtils.resolveValidWebOrigins(session, client);
        return allowed.contains(origin) ? origin : null;
    }
}
