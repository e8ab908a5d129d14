package io.customerauth.keycloak.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * What an API request answers, before it becomes an HTTP response ({@link ApiResponses}): a status, a body and its
 * type (JSON, but for the API page's documents), and headers of its own.
 */
record ApiAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as JSON; a body that cannot be written is the caller's unexpected error. */
    static ApiAnswer of(int status, Object body, Map<String, String> headers) {
        try {
            return new ApiAnswer(status, JSON_TYPE, JSON.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserializable response body", e);
        }
    }

    /** A 200 with a document that is not JSON (a page, a script), its headers (caching) its own. */
    static ApiAnswer document(String contentType, byte[] body, Map<String, String> headers) {
        return new ApiAnswer(200, contentType, body, headers);
    }
}
