package io.customerauth.keycloak.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body as one JSON object: refuses another content type (415), more than 16 KiB (413, without
 * reading past the limit) and anything that is not a JSON object (400).
 */
final class JsonBody {

    static final int MAX_BYTES = 16 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBody() {
    }

    static ObjectNode read(HttpHeaders headers, InputStream body) {
        requireJsonContentType(headers.getMediaType());
        requireDeclaredLengthWithinLimit(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        byte[] bytes = readAtMostLimit(body);
        JsonNode json;
        try {
            json = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.of(400, ApiMessages.NOT_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json == null || json.isMissingNode()) {
            throw ApiException.of(400, ApiMessages.NOT_JSON);
        }
        if (!(json instanceof ObjectNode object)) {
            throw ApiException.of(400, ApiMessages.NOT_A_JSON_OBJECT);
        }
        return object;
    }

    private static void requireJsonContentType(MediaType type) {
        boolean json = type != null && "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
        if (!json) {
            throw ApiException.of(415, ApiMessages.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    private static void requireDeclaredLengthWithinLimit(String contentLength) {
        if (contentLength == null) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.strip()) > MAX_BYTES) {
                throw ApiException.of(413, ApiMessages.BODY_TOO_LARGE);
            }
        } catch (NumberFormatException e) {
            throw ApiException.of(400, ApiMessages.NOT_JSON);
        }
    }

    private static byte[] readAtMostLimit(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ApiException.of(413, ApiMessages.BODY_TOO_LARGE);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
