package io.customerauth.keycloak.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** What an API request answers, before it becomes an HTTP response ({@link ApiResponses}): a status and JSON. */
record ApiAnswer(int status, byte[] json, Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as JSON; a body that cannot be written is the caller's unexpected error. */
    static ApiAnswer of(int status, Object body, Map<String, String> headers) {
        try {
            return new ApiAnswer(status, JSON.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserializable response body", e);
        }
    }
}
