package io.customerauth.importer.hash;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes credentialData / secretData in the shape Keycloak's {@code PasswordCredentialData} and
 * {@code PasswordSecretData} serialize to: {@code {"hashIterations":..,"algorithm":..,"additionalParameters":{..}}}
 * and {@code {"value":..,"salt":<base64>,"additionalParameters":{}}}.
 */
final class CredentialJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CredentialJson() {
    }

    static ImportedCredential credential(String algorithm, int hashIterations, Map<String, String> parameters,
                                         String value, byte[] salt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hashIterations", hashIterations);
        data.put("algorithm", algorithm);
        Map<String, List<String>> additional = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> additional.put(name, List.of(parameter)));
        data.put("additionalParameters", additional);

        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("value", value);
        if (salt != null) {
            secret.put("salt", Base64.getEncoder().encodeToString(salt));
        }
        secret.put("additionalParameters", Map.of());
        return new ImportedCredential(algorithm, write(data), write(secret));
    }

    private static String write(Map<String, Object> json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write credential JSON", e);
        }
    }
}
