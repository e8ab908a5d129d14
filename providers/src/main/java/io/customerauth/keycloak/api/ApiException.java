package io.customerauth.keycloak.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the API answers with a JSON body whose {@code message} says why. Thrown anywhere inside a route and
 * rendered in one place ({@link ApiCall}), so that every error of the resource has the same shape.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, Object> body;
    private final Map<String, String> headers;

    private ApiException(int status, Map<String, Object> body, Map<String, String> headers) {
        super((String) body.get("message"), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    static ApiException of(int status, String message) {
        return new ApiException(status, body(message), Map.of());
    }

    static ApiException withField(int status, String message, String field, Object value) {
        Map<String, Object> body = body(message);
        body.put(field, value);
        return new ApiException(status, body, Map.of());
    }

    static ApiException invalidFields(Map<String, List<String>> errors) {
        return withField(400, ApiMessages.INVALID_INPUT, "errors", errors);
    }

    ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, body, more);
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    private static Map<String, Object> body(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        return body;
    }
}
