package io.customerauth.common.credential;

import java.util.Optional;

/**
 * The most work one stored password hash may ask of the server. A stored hash names its own cost (bcrypt's cost,
 * scrypt's N, r and p, PBKDF2's iterations, argon2's memory, passes and lanes), so without a bound one imported or
 * tampered credential can make every verification of it burn CPU or memory for seconds to days; Keycloak's argon2
 * provider even verifies behind a semaphore sized to the CPU count, so a few such users stall every login.
 *
 * <p>The one source of these numbers: the providers refuse a stored hash over them before any hashing (and the bulk
 * endpoint before storing it), and the import tool refuses the same records before it sends them. Each bound sits far
 * above what the source formats produce by default (noted per constant), so real hashes always pass. The checks
 * return why a hash is refused, naming parameters and limits, never the hash. The table in docs/importing.md says the
 * same: change both together.
 */
public final class HashCostLimits {

    /** bcrypt's cost is a base-2 logarithm; 4 is bcrypt's own minimum, Python's bcrypt defaults to 12. */
    public static final int BCRYPT_MIN_COST = 4;
    public static final int BCRYPT_MAX_COST = 16;

    /** scrypt's N, a power of two; werkzeug's default is 2^15. */
    public static final int SCRYPT_MIN_N = 2;
    public static final int SCRYPT_MAX_N = 1 << 20;
    /** scrypt's r and p: at least 1, bounded through the memory below. */
    public static final int SCRYPT_MIN_R = 1;
    public static final int SCRYPT_MIN_P = 1;
    /** scrypt's work and memory, {@code 128 * N * r * p} bytes; werkzeug's default (2^15, 8, 1) is 32 MiB. */
    public static final long SCRYPT_MAX_BYTES = 256L * 1024 * 1024;

    /** PBKDF2 iterations, werkzeug's and Keycloak's pbkdf2 family; werkzeug 3.1 writes 1,000,000, Keycloak 1,300,000. */
    public static final int PBKDF2_MIN_ITERATIONS = 1;
    public static final int PBKDF2_MAX_ITERATIONS = 5_000_000;
    /**
     * The longest PBKDF2 key: every output block costs all the iterations again, so the stored key's length multiplies
     * the work. 64 bytes is a SHA-512 digest, the longest key werkzeug (one digest) or Keycloak (512 bits) writes.
     */
    public static final int PBKDF2_MAX_KEY_BYTES = 64;

    /** argon2 memory in KiB (256 MiB), passes and lanes; Keycloak's default is 7,168 KiB, 5 passes, 1 lane. */
    public static final int ARGON2_MAX_MEMORY_KIB = 262_144;
    public static final int ARGON2_MIN_ITERATIONS = 1;
    public static final int ARGON2_MAX_ITERATIONS = 10;
    public static final int ARGON2_MIN_PARALLELISM = 1;
    public static final int ARGON2_MAX_PARALLELISM = 16;

    private HashCostLimits() {
    }

    public static Optional<String> bcrypt(long cost) {
        if (cost < BCRYPT_MIN_COST || cost > BCRYPT_MAX_COST) {
            return Optional.of("bcrypt cost " + cost + " is outside " + BCRYPT_MIN_COST + ".." + BCRYPT_MAX_COST);
        }
        return Optional.empty();
    }

    public static Optional<String> scrypt(long n, long r, long p) {
        if (n < SCRYPT_MIN_N || n > SCRYPT_MAX_N || (n & (n - 1)) != 0) {
            return Optional.of("scrypt N " + n + " is not a power of two in " + SCRYPT_MIN_N + ".." + SCRYPT_MAX_N);
        }
        if (r < SCRYPT_MIN_R || p < SCRYPT_MIN_P) {
            return Optional.of("scrypt r " + r + " and p " + p + " must be at least 1");
        }
        if (!scryptMemoryFits(n, r, p)) {
            return Optional.of("scrypt 128*N*r*p (N " + n + ", r " + r + ", p " + p + ") is over "
                    + SCRYPT_MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /**
     * Whether scrypt's {@code 128 * n * r * p} bytes fit {@link #SCRYPT_MAX_BYTES}, without overflow, for N within
     * its limits (so {@code 128 * N} is at most 2^27) and r, p at least 1.
     */
    public static boolean scryptMemoryFits(long n, long r, long p) {
        return r <= SCRYPT_MAX_BYTES / (128 * n) && p <= SCRYPT_MAX_BYTES / (128 * n * r);
    }

    public static Optional<String> pbkdf2(long iterations, long keyBytes) {
        if (iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS) {
            return Optional.of("pbkdf2 iterations " + iterations + " are outside 1.." + PBKDF2_MAX_ITERATIONS);
        }
        if (keyBytes > PBKDF2_MAX_KEY_BYTES) {
            return Optional.of("pbkdf2 key of " + keyBytes + " bytes is longer than " + PBKDF2_MAX_KEY_BYTES);
        }
        return Optional.empty();
    }

    public static Optional<String> argon2(long memoryKib, long iterations, long parallelism) {
        if (memoryKib < 1 || memoryKib > ARGON2_MAX_MEMORY_KIB) {
            return Optional.of("argon2 memory " + memoryKib + " KiB is outside 1.." + ARGON2_MAX_MEMORY_KIB);
        }
        if (iterations < ARGON2_MIN_ITERATIONS || iterations > ARGON2_MAX_ITERATIONS) {
            return Optional.of("argon2 iterations " + iterations + " are outside 1.." + ARGON2_MAX_ITERATIONS);
        }
        if (parallelism < ARGON2_MIN_PARALLELISM || parallelism > ARGON2_MAX_PARALLELISM) {
            return Optional.of("argon2 parallelism " + parallelism + " is outside 1.." + ARGON2_MAX_PARALLELISM);
        }
        return Optional.empty();
    }
}
