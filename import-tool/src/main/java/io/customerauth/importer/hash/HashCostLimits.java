package io.customerauth.importer.hash;

/**
 * The most a {@code password_hash} may cost the server at each login, per format: an imported hash must never be a
 * CPU or memory bomb. Generous for hashes real systems make (werkzeug's and the libraries' defaults are far below),
 * bounded for a 2-core server that verifies logins concurrently.
 *
 * <p>THESE NUMBERS MUST MATCH THE SERVER'S: {@code io.customerauth.keycloak.passwordhash.HashCostLimits} in
 * providers/ enforces the same limits at login. A hash the tool accepts beyond them would be imported and then never
 * verify; change both classes together (and the table in docs/importing.md).
 */
public final class HashCostLimits {

    /** bcrypt's cost (log2 of the rounds): 4 is bcrypt's own minimum; 16 is seconds of CPU per login. */
    public static final int BCRYPT_MIN_COST = 4;
    public static final int BCRYPT_MAX_COST = 16;

    /** werkzeug scrypt's N: a power of two, 2 to 2^20. */
    public static final int SCRYPT_MIN_N = 2;
    public static final int SCRYPT_MAX_N = 1 << 20;
    /** werkzeug scrypt's r and p: at least 1; bounded through the memory below. */
    public static final int SCRYPT_MIN_R = 1;
    public static final int SCRYPT_MIN_P = 1;
    /** The memory scrypt needs, {@code 128 * N * r * p} bytes: 256 MiB at most. */
    public static final long SCRYPT_MAX_MEMORY_BYTES = 256L * 1024 * 1024;

    /** werkzeug pbkdf2's iterations: 1 to 5,000,000 (werkzeug 3 makes 600,000 or 1,000,000). */
    public static final int PBKDF2_MIN_ITERATIONS = 1;
    public static final int PBKDF2_MAX_ITERATIONS = 5_000_000;
    /** werkzeug pbkdf2's digest: at most 64 bytes (SHA-512's); every further key block repeats all the iterations. */
    public static final int PBKDF2_MAX_KEY_BYTES = 64;

    /** argon2's m (KiB): 256 MiB at most. */
    public static final int ARGON2_MAX_MEMORY_KIB = 256 * 1024;
    /** argon2's t (passes over the memory): 1 to 10. */
    public static final int ARGON2_MIN_ITERATIONS = 1;
    public static final int ARGON2_MAX_ITERATIONS = 10;
    /** argon2's p (lanes): 1 to 16. */
    public static final int ARGON2_MIN_PARALLELISM = 1;
    public static final int ARGON2_MAX_PARALLELISM = 16;

    private HashCostLimits() {
    }

    /** Whether scrypt's {@code 128 * n * r * p} bytes fit {@link #SCRYPT_MAX_MEMORY_BYTES}, without overflow. */
    static boolean scryptMemoryFits(int n, int r, int p) {
        return (long) r * p <= SCRYPT_MAX_MEMORY_BYTES / (128L * n);
    }
}
