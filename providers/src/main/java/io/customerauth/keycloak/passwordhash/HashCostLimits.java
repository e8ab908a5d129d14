package io.customerauth.keycloak.passwordhash;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.credential.hash.Pbkdf2PasswordHashProviderFactory;
import org.keycloak.credential.hash.Pbkdf2Sha256PasswordHashProviderFactory;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * The most work one stored password hash may ask of the server. A stored hash names its own cost (bcrypt's cost,
 * scrypt's N, r and p, PBKDF2's iterations, argon2's memory, passes and lanes), so without a bound one imported or
 * tampered credential can make every verification of it burn CPU or memory for seconds to days; Keycloak's argon2
 * provider even verifies behind a semaphore sized to the CPU count, so a few such users stall every login.
 *
 * <p>The import tool refuses the same hashes with the same numbers: change them in both places or nowhere (the
 * argon2 hashLength check needs no twin there: the tool writes hashLength from the hash itself). Each bound
 * sits far above what the source formats produce by default (noted per constant), so real hashes always pass.
 *
 * <p>{@link #exceeded(PasswordCredentialModel)} is the one check every path uses: the pack's verify-only providers
 * and its wrappers around Keycloak's argon2 and pbkdf2 providers before any hashing, and the bulk import before
 * storing a credential.
 */
public final class HashCostLimits {

    /** bcrypt's cost is a base-2 logarithm; 4 is bcrypt's own minimum, Python's bcrypt defaults to 12. */
    public static final int BCRYPT_MIN_COST = 4;
    public static final int BCRYPT_MAX_COST = 16;

    /** scrypt's N, a power of two; werkzeug's default is 2^15. */
    public static final int SCRYPT_MIN_N = 2;
    public static final int SCRYPT_MAX_N = 1 << 20;
    /** scrypt's work and memory, {@code 128 * N * r * p} bytes; werkzeug's default (2^15, 8, 1) is 32 MiB. */
    public static final long SCRYPT_MAX_BYTES = 256L * 1024 * 1024;

    /** PBKDF2 iterations, werkzeug's and Keycloak's pbkdf2 family; werkzeug 3.1 writes 1,000,000, Keycloak 1,300,000. */
    public static final int PBKDF2_MAX_ITERATIONS = 5_000_000;
    /**
     * The longest PBKDF2 key: every output block costs all the iterations again, so the stored key's length multiplies
     * the work. 64 bytes is a SHA-512 digest, the longest key werkzeug (one digest) or Keycloak (512 bits) writes.
     */
    public static final int PBKDF2_MAX_KEY_BYTES = 64;

    /** argon2 memory in KiB (256 MiB), passes and lanes; Keycloak's default is 7,168 KiB, 5 passes, 1 lane. */
    public static final int ARGON2_MAX_MEMORY_KIB = 262_144;
    public static final int ARGON2_MAX_ITERATIONS = 10;
    public static final int ARGON2_MAX_PARALLELISM = 16;

    /** Keycloak's argon2 id; its factory is not on the compile class path (see CappedArgon2PasswordHashProviderFactory). */
    private static final String ARGON2 = "argon2";

    private static final Pattern BCRYPT_COST = Pattern.compile("\\$2[aby]?\\$(\\d{1,2})\\$.*", Pattern.DOTALL);

    private HashCostLimits() {
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
            case BcryptPasswordHashProviderFactory.PROVIDER_ID -> bcryptCost(value).flatMap(HashCostLimits::bcrypt);
            case WerkzeugScryptPasswordHashProviderFactory.PROVIDER_ID -> scrypt(data.getHashIterations(),
                    number(parameters.getFirst(WerkzeugScryptPasswordHashProvider.BLOCK_SIZE)),
                    number(parameters.getFirst(WerkzeugScryptPasswordHashProvider.PARALLELISM)));
            case WerkzeugPbkdf2PasswordHashProviderFactory.PROVIDER_ID ->
                    pbkdf2(data.getHashIterations(), value == null ? 0 : value.length() / 2);
            case Pbkdf2PasswordHashProviderFactory.ID, Pbkdf2Sha256PasswordHashProviderFactory.ID,
                 Pbkdf2Sha512PasswordHashProviderFactory.ID ->
                    pbkdf2(data.getHashIterations(), base64Length(value));
            case ARGON2 -> argon2(number(parameters.getFirst("memory")), data.getHashIterations(),
                    number(parameters.getFirst("parallelism")))
                    .or(() -> argon2HashLength(number(parameters.getFirst("hashLength")), base64Length(value)));
            default -> Optional.empty();
        };
    }

    static Optional<String> bcrypt(long cost) {
        if (cost < BCRYPT_MIN_COST || cost > BCRYPT_MAX_COST) {
            return Optional.of("bcrypt cost " + cost + " is outside " + BCRYPT_MIN_COST + ".." + BCRYPT_MAX_COST);
        }
        return Optional.empty();
    }

    static Optional<String> scrypt(long n, long r, long p) {
        if (n < SCRYPT_MIN_N || n > SCRYPT_MAX_N || (n & (n - 1)) != 0) {
            return Optional.of("scrypt N " + n + " is not a power of two in " + SCRYPT_MIN_N + ".." + SCRYPT_MAX_N);
        }
        if (r < 1 || p < 1) {
            return Optional.of("scrypt r " + r + " and p " + p + " must be at least 1");
        }
        // 128 * N * r * p <= limit, without overflow: N <= 2^20, so 128 * N <= 2^27.
        if (r > SCRYPT_MAX_BYTES / (128 * n) || p > SCRYPT_MAX_BYTES / (128 * n * r)) {
            return Optional.of("scrypt 128*N*r*p (N " + n + ", r " + r + ", p " + p + ") is over "
                    + SCRYPT_MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    static Optional<String> pbkdf2(long iterations, long keyBytes) {
        if (iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS) {
            return Optional.of("pbkdf2 iterations " + iterations + " are outside 1.." + PBKDF2_MAX_ITERATIONS);
        }
        if (keyBytes > PBKDF2_MAX_KEY_BYTES) {
            return Optional.of("pbkdf2 key of " + keyBytes + " bytes is longer than " + PBKDF2_MAX_KEY_BYTES);
        }
        return Optional.empty();
    }

    static Optional<String> argon2(long memoryKib, long iterations, long parallelism) {
        if (memoryKib < 1 || memoryKib > ARGON2_MAX_MEMORY_KIB) {
            return Optional.of("argon2 memory " + memoryKib + " KiB is outside 1.." + ARGON2_MAX_MEMORY_KIB);
        }
        if (iterations < 1 || iterations > ARGON2_MAX_ITERATIONS) {
            return Optional.of("argon2 iterations " + iterations + " are outside 1.." + ARGON2_MAX_ITERATIONS);
        }
        if (parallelism < 1 || parallelism > ARGON2_MAX_PARALLELISM) {
            return Optional.of("argon2 parallelism " + parallelism + " is outside 1.." + ARGON2_MAX_PARALLELISM);
        }
        return Optional.empty();
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

    /** The cost in a bcrypt modular-crypt string; empty when the string has none (the provider calls it malformed). */
    private static Optional<Long> bcryptCost(String value) {
        Matcher matcher = value == null ? null : BCRYPT_COST.matcher(value);
        return matcher != null && matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
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
