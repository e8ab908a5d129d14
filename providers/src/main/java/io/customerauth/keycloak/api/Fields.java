package io.customerauth.keycloak.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON request body and collects every problem at once, as
 * {@code {"errors": {"field": ["reason", ...]}}}, before any work is done.
 */
final class Fields {

    /** Deliberately simple: one @, no whitespace or control characters, a dot in the domain; at most 254 chars. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    private static final int MAX_EMAIL_LENGTH = 254;

    private final ObjectNode body;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    Fields(ObjectNode body) {
        this.body = body;
    }

    String requiredString(String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            reject(name, ApiMessages.MISSING_FIELD);
            return null;
        }
        if (value.isNull()) {
            reject(name, ApiMessages.NULL_FIELD);
            return null;
        }
        if (!value.isTextual()) {
            reject(name, ApiMessages.NOT_A_STRING);
            return null;
        }
        return value.textValue();
    }

    String requiredEmail(String name) {
        String value = requiredString(name);
        if (value != null && !isEmail(value)) {
            reject(name, ApiMessages.NOT_AN_EMAIL);
            return null;
        }
        return value;
    }

    static boolean isEmail(String value) {
        return value.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(value).matches();
    }

    /** Throws the 400 with every collected reason, if there is any. */
    void requireValid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
    }

    private void reject(String name, String reason) {
        errors.computeIfAbsent(name, n -> new ArrayList<>()).add(reason);
    }
}
