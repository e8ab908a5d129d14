package io.customerauth.keycloak.passwordhash;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

/** Keycloak's own provider, except that {@link #verify} first refuses a hash over {@link StoredHashCost}. */
final class CappedPasswordHashProvider implements PasswordHashProvider {

    private final KeycloakSession session;
    private final PasswordHashProvider keycloak;

    CappedPasswordHashProvider(KeycloakSession session, PasswordHashProvider keycloak) {
        this.session = session;
        this.keycloak = keycloak;
    }

    @Override
    public boolean verify(String rawPassword, PasswordCredentialModel credential) {
        return !HashCostRefusal.refuses(session, credential) && keycloak.verify(rawPassword, credential);
    }

    @Override
    public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
        return keycloak.policyCheck(policy, credential);
    }

    @Override
    public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
        return keycloak.encodedCredential(rawPassword, iterations);
    }

    @Override
    @SuppressWarnings("deprecation")
    public String encode(String rawPassword, int iterations) {
        return keycloak.encode(rawPassword, iterations);
    }

    @Override
    public String credentialHashingStrength(PasswordCredentialModel credential) {
        return keycloak.credentialHashingStrength(credential);
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
