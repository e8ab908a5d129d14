package io.customerauth.common.credential;

/**
 * Keycloak's own {@value #ALGORITHM} password credential, which an argon2 PHC string becomes: {@code hashIterations}
 * = t, additional parameters {@value #TYPE} ({@code id}, {@code i}, {@code d}), {@value #VERSION} ({@code 1.3} or
 * {@code 1.0}), {@value #MEMORY} (KiB), {@value #PARALLELISM} and {@value #HASH_LENGTH} (bytes); the secret's
 * {@code value} is the base64 of the hash and its {@code salt} the base64 of the salt.
 */
public final class Argon2Credential {

    public static final String ALGORITHM = "argon2";
    public static final String TYPE = "type";
    public static final String VERSION = "version";
    public static final String MEMORY = "memory";
    public static final String PARALLELISM = "parallelism";
    public static final String HASH_LENGTH = "hashLength";

    private Argon2Credential() {
    }
}
