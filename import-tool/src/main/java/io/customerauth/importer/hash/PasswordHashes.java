package io.customerauth.importer.hash;

/**
 * Turns a customer's {@code password_hash} into a Keycloak password credential:
 *
 * <ul>
 *   <li>bcrypt {@code $2a$ / $2b$ / $2y$} to the pack's {@code bcrypt} provider;</li>
 *   <li>werkzeug {@code scrypt:N:r:p$salt$hex} to the pack's {@code werkzeug-scrypt} provider;</li>
 *   <li>werkzeug {@code pbkdf2:<hash>:N$salt$hex} to the pack's {@code werkzeug-pbkdf2} provider;</li>
 *   <li>argon2 PHC strings ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}) to Keycloak's own {@code argon2}.</li>
 * </ul>
 *
 * Nothing is re-hashed: the stored hash is kept as it is, and Keycloak re-hashes on the first successful login.
 */
public final class PasswordHashes {

    private PasswordHashes() {
    }

    /** The credential for a hash, or an exception whose message says why it cannot be imported. */
    public static ImportedCredential toCredential(String hash) throws UnsupportedHashException {
        if (hash == null || hash.isEmpty()) {
            throw new UnsupportedHashException("empty");
        }
        if (hash.startsWith("$2")) {
            return BcryptHash.toCredential(hash);
        }
        if (hash.startsWith("$argon2")) {
            return Argon2PhcHash.toCredential(hash);
        }
        if (hash.startsWith("scrypt:") || hash.startsWith("scrypt$")) {
            return WerkzeugHash.scrypt(hash);
        }
        if (hash.startsWith("pbkdf2:") || hash.startsWith("pbkdf2$")) {
            return WerkzeugHash.pbkdf2(hash);
        }
        throw new UnsupportedHashException("unsupported format (expected werkzeug scrypt:N:r:p$salt$hex or "
                + "pbkdf2:sha256:N$salt$hex, bcrypt $2a$/$2b$/$2y$, or an argon2id PHC string)");
    }
}
