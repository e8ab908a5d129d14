package io.customerauth.keycloak.api;

import io.customerauth.keycloak.logging.RequestId;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/**
 * An {@link ApiAnswer} as JAX-RS sends it: the body with its type, the request id, no caching unless the answer says
 * otherwise (the API page's files), and CORS.
 */
final class ApiResponses {

    private ApiResponses() {
    }

    static Response of(ApiAnswer answer, String requestId, KeycloakSession session, String clientId) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(answer.contentType())
                .header(RequestId.HEADER, requestId)
                .header("Cache-Control", "no-store")
                .entity(answer.body());
        // An answer's own header replaces a default of the same name.
        answer.headers().forEach((name, value) -> response.header(name, null).header(name, value));
        ApiCors.addTo(response, session, clientId);
        return response.build();
    }
}
