package io.customerauth.keycloak.api;

import io.customerauth.keycloak.logging.RequestId;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/** An {@link ApiAnswer} as JAX-RS sends it: the JSON, the request id, no caching, and CORS. */
final class ApiResponses {

    private ApiResponses() {
    }

    static Response of(ApiAnswer answer, String requestId, KeycloakSession session, String clientId) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestId.HEADER, requestId)
                .header("Cache-Control", "no-store")
                .entity(answer.json());
        answer.headers().forEach(response::header);
        ApiCors.addTo(response, session, clientId);
        return response.build();
    }
}
