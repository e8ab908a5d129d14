package io.customerauth.keycloak.passwordhash;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * What every legacy hash provider shares: it verifies, it never hashes.
 *
 * <p>{@link #encodedCredential} throws. Keycloak only calls it on the provider named by the realm's password policy
 * ({@code hashAlgorithm(...)}) or on the server's default provider, and a legacy format must be neither: storing new
 * passwords as bcrypt or werkzeug hashes would undo the migration. Delegating to another algorithm is no better,
 * since the credential would then carry a different algorithm id than the policy names and be re-hashed on every
 * login. Failing loudly turns that misconfiguration into a clear error when a password is set.
 *
 * <p>{@link #policyCheck} returns {@code false} for the same reason: a legacy hash never satisfies a policy, so if
 * one of these ids were ever named by a policy, Keycloak would still try to move the credential off it.
 *
 * <p>{@link #verify} refuses a stored hash over {@link StoredHashCost} before any hashing (see {@link HashCostRefusal}).
 */
abstract class LegacyPasswordHashProvider implements PasswordHashProvider {

    private final String algorithm;
    private final KeycloakSession session;

    /** {@code session} may be null (unit tests): a refusal is then only logged. */
    LegacyPasswordHashProvider(String algorithm, KeycloakSession session) {
        this.algorithm = algorithm;
        this.session = session;
    }

    @Override
    public final boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
        return false;
    }

    @Override
    public final PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
        throw new UnsupportedOperationException("The '" + algorithm + "' password hash is verify-only: it exists to "
                + "let imported customers log in once and be re-hashed. Choose another algorithm in the realm's "
                + "password policy (hashAlgorithm).");
    }

    @Override
    public final boolean verify(String rawPassword, PasswordCredentialModel credential) {
        if (rawPassword == null || credential == null || credential.getPasswordSecretData() == null
                || credential.getPasswordCredentialData() == null
                || !algorithm.equals(credential.getPasswordCredentialData().getAlgorithm())) {
            return false;
        }
        return !HashCostRefusal.refuses(session, credential) && matches(rawPassword, credential);
    }

    /**
     * Compares the password with the stored hash, whose cost is within {@link StoredHashCost}; {@code false} also for a
     * stored hash this provider cannot read.
     */
    abstract boolean matches(String rawPassword, PasswordCredentialModel credential);

    @Override
    public final void close() {
    }
}
