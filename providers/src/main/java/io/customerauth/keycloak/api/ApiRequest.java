package io.customerauth.keycloak.api;

import io.customerauth.keycloak.logging.RequestLogScope;
import jakarta.ws.rs.core.HttpHeaders;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakContext;

/**
 * The request as the API's handling of it needs it: the HTTP method and the realm-relative path its log lines name,
 * the caller's address and the headers.
 */
record ApiRequest(String method, String path, String remoteAddr, HttpHeaders headers) {

    static ApiRequest of(KeycloakContext context) {
        ClientConnection connection = context.getConnection();
        return new ApiRequest(context.getHttpRequest().getHttpMethod(),
                RequestLogScope.realmRelativePath(context.getUri().getPath()),
                connection == null ? null : connection.getRemoteAddr(), context.getRequestHeaders());
    }

    /** The path under the API: {@code /auth/docs/x} is {@code /docs/x}. */
    String pathUnderApi() {
        String api = "/" + CustomerAuthResourceProviderFactory.PROVIDER_ID;
        return path.startsWith(api + "/") || path.equals(api) ? path.substring(api.length()) : path;
    }

    String header(String name) {
        return headers.getHeaderString(name);
    }
}
