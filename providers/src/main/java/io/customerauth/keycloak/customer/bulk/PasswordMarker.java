package io.customerauth.keycloak.customer.bulk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * How a re-run knows whether a customer has set a password in Keycloak since the import wrote theirs.
 *
 * <p>The import labels the password credential it writes {@code customer-import:<fingerprint>}, the fingerprint being
 * the first 64 bits of a SHA-256 over the stored hash (algorithm, parameters, salt, value), shown in the admin console
 * as the credential's label. Keycloak keeps a credential's label and creation date when it re-hashes a password at
 * login (same password, the realm's algorithm), and drops the label (and renews the date) whenever a password is set
 * in Keycloak: the customer's reset by code, the login page's reset, an admin's reset, an update-password action (all
 * go through {@code PasswordCredentialProvider.createCredential}, which writes a credential without a label). So:
 * a label that is still the import's means nobody set a password since, and its fingerprint says whether the export's
 * hash differs from the one imported last time; any other label, or none, means the password was set here and is never
 * overwritten. A customer with no password credential at all has not set one, and gets the export's hash.
 */
final class PasswordMarker {

    static final String PREFIX = "customer-import:";
    private static final int FINGERPRINT_BYTES = 8;

    private PasswordMarker() {
    }

    /** The label the import writes on a credential with this stored hash. */
    static String label(String fingerprint) {
        return PREFIX + fingerprint;
    }

    /** The fingerprint of an imported credential's label, or empty when the label is not the import's. */
    static Optional<String> fingerprintOf(String label) {
        if (label == null || !label.startsWith(PREFIX) || label.length() != PREFIX.length() + 2 * FINGERPRINT_BYTES) {
            return Optional.empty();
        }
        return Optional.of(label.substring(PREFIX.length()));
    }

    /**
     * The fingerprint of a stored hash, the same for the same hash however its JSON is laid out.
     *
     * @throws IllegalArgumentException the credential's data is not Keycloak's password JSON
     */
    static String fingerprint(PasswordCredentialModel credential) {
        PasswordCredentialData data = credential.getPasswordCredentialData();
        PasswordSecretData secret = credential.getPasswordSecretData();
        if (data == null || secret == null) {
            throw new IllegalArgumentException("not a password credential");
        }
        StringBuilder canonical = new StringBuilder()
                .append(data.getAlgorithm()).append('\n')
                .append(data.getHashIterations()).append('\n')
                .append(sorted(data.getAdditionalParameters())).append('\n')
                .append(secret.getValue()).append('\n')
                .append(secret.getSalt() == null ? "" : Base64.getEncoder().encodeToString(secret.getSalt())).append('\n')
                .append(sorted(secret.getAdditionalParameters()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String sorted(Map<String, List<String>> parameters) {
        return parameters == null ? "{}" : new TreeMap<>(parameters).toString();
    }
}
