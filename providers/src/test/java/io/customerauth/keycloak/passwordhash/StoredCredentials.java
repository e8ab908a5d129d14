package io.customerauth.keycloak.passwordhash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Builds password credentials the way Keycloak reads them from its store: from the credentialData and secretData JSON
 * strings, in the exact shape the import tool writes (see the package documentation).
 */
final class StoredCredentials {

    private StoredCredentials() {
    }

    static PasswordCredentialModel fromJson(String credentialData, String secretData) {
        CredentialModel stored = new CredentialModel();
        stored.setId("credential-under-test");
        stored.setType(PasswordCredentialModel.TYPE);
        stored.setCredentialData(credentialData);
        stored.setSecretData(secretData);
        return PasswordCredentialModel.createFromCredentialModel(stored);
    }

    static PasswordCredentialModel bcrypt(String modularCrypt) {
        int cost = Integer.parseInt(modularCrypt.substring(4, 6));
        return fromJson("{\"hashIterations\":" + cost + ",\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}",
                "{\"value\":\"" + modularCrypt + "\",\"additionalParameters\":{}}");
    }

    /** From a werkzeug {@code scrypt:N:r:p$salt$hex} string. */
    static PasswordCredentialModel werkzeugScrypt(String werkzeugHash) {
        String[] parts = werkzeugHash.split("\\$", 3);
        String[] params = parts[0].split(":");
        return fromJson("{\"hashIterations\":" + params[1] + ",\"algorithm\":\"werkzeug-scrypt\","
                        + "\"additionalParameters\":{\"blockSize\":[\"" + params[2] + "\"],\"parallelism\":[\""
                        + params[3] + "\"]}}",
                secret(parts[2], parts[1]));
    }

    /** From a werkzeug {@code pbkdf2:hash:N$salt$hex} string. */
    static PasswordCredentialModel werkzeugPbkdf2(String werkzeugHash) {
        String[] parts = werkzeugHash.split("\\$", 3);
        String[] params = parts[0].split(":");
        return fromJson("{\"hashIterations\":" + params[2] + ",\"algorithm\":\"werkzeug-pbkdf2\","
                        + "\"additionalParameters\":{\"hashAlgorithm\":[\"" + params[1] + "\"]}}",
                secret(parts[2], parts[1]));
    }

    private static String secret(String hex, String werkzeugSalt) {
        String salt = Base64.getEncoder().encodeToString(werkzeugSalt.getBytes(StandardCharsets.UTF_8));
        return "{\"value\":\"" + hex + "\",\"salt\":\"" + salt + "\",\"additionalParameters\":{}}";
    }
}
