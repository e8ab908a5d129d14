package io.customerauth.keycloak.passwordhash;

import io.customerauth.common.credential.Argon2Credential;
import io.customerauth.common.credential.BcryptCredential;
import io.customerauth.common.credential.HashCostLimits;
import io.customerauth.common.credential.WerkzeugPbkdf2Credential;
import io.customerauth.common.credential.WerkzeugScryptCredential;

import java.util.Base64;
import java.util.Optional;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.credential.hash.Pbkdf2PasswordHashProviderFactory;
import org.keycloak.credential.hash.Pbkdf2Sha256PasswordHashProviderFactory;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * Reads the cost a stored Keycloak password credential names and holds it to {@link HashCostLimits}, the limits the
 * import tool applies too.
 *
 * <p>{@link #exceeded(PasswordCredentialModel)} is the one check every path uses: the pack's verify-only providers
 * and its wrappers around Keycloak's argon2 and pbkdf2 providers before any hashing, and the bulk import before
 * storing a credential.
 */
public final class StoredHashCost {

    private StoredHashCost() {
    }

    /**
     * Why this stored credential is refused before any hashing, or empty when its cost is within the limits (or its
     * algorithm has no cost parameters this class knows). The reason names parameters and limits, never the hash.
     */
    public static Optional<String> exceeded(PasswordCredentialModel credential) {
        PasswordCredentialData data = credential.getPasswordCredentialData();
        PasswordSecretData secret = credential.getPasswordSecretData();
        if (data == null || data.getAlgorithm() == null) {
            return Optional.empty();
        }
        MultivaluedHashMap<String, String> parameters = data.getAdditionalParameters() == null
                ? new MultivaluedHashMap<>() : data.getAdditionalParameters();
        String value = secret == null ? null : secret.getValue();
        return switch (data.getAlgorithm()) {
            case BcryptCredential.ALGORITHM -> {
                var cost = BcryptCredential.cost(value);
                yield cost.isPresent() ? HashCostLimits.bcrypt(cost.getAsInt()) : Optional.empty();
            }
            case WerkzeugScryptCredential.ALGORITHM -> HashCostLimits.scrypt(data.getHashIterations(),
                    number(parameters.getFirst(WerkzeugScryptCredential.BLOCK_SIZE)),
                    number(parameters.getFirst(WerkzeugScryptCredential.PARALLELISM)));
            case WerkzeugPbkdf2Credential.ALGORITHM ->
                    HashCostLimits.pbkdf2(data.getHashIterations(), value == null ? 0 : value.length() / 2);
            case Pbkdf2PasswordHashProviderFactory.ID, Pbkdf2Sha256PasswordHashProviderFactory.ID,
                 Pbkdf2Sha512PasswordHashProviderFactory.ID ->
                    HashCostLimits.pbkdf2(data.getHashIterations(), base64Length(value));
            case Argon2Credential.ALGORITHM -> HashCostLimits.argon2(
                            number(parameters.getFirst(Argon2Credential.MEMORY)), data.getHashIterations(),
                            number(parameters.getFirst(Argon2Credential.PARALLELISM)))
                    .or(() -> argon2HashLength(number(parameters.getFirst(Argon2Credential.HASH_LENGTH)),
                            base64Length(value)));
            default -> Optional.empty();
        };
    }

    /**
     * Keycloak's argon2 provider allocates and fills {@code hashLength} bytes before it compares; a hash of another
     * length than the stored one can never match, so a mismatch is refused without work. No new number: the stored
     * hash bounds it.
     */
    private static Optional<String> argon2HashLength(long hashLength, long storedBytes) {
        if (storedBytes < 0) {
            return Optional.of("argon2 stored hash is not base64");
        }
        if (hashLength != storedBytes) {
            return Optional.of("argon2 hashLength " + hashLength + " is not the stored hash's " + storedBytes + " bytes");
        }
        return Optional.empty();
    }

    /** A decimal number of at most 18 digits, or -1 (missing, unreadable): every check refuses -1. */
    private static long number(String value) {
        if (value == null || value.isEmpty() || value.length() > 18
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(value);
    }

    /** Decoded length of base64 (MIME, as Keycloak's pbkdf2 reads it), or -1 when missing or not base64. */
    private static long base64Length(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Base64.getMimeDecoder().decode(value).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
