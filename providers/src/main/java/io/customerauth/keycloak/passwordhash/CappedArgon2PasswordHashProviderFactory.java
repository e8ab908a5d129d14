package io.customerauth.keycloak.passwordhash;

/** Keycloak's {@code argon2} (the server's default hash) behind {@link StoredHashCost}. */
public final class CappedArgon2PasswordHashProviderFactory extends CappedPasswordHashProviderFactory {

    public CappedArgon2PasswordHashProviderFactory() {
        super(keycloakFactory("org.keycloak.crypto.hash.Argon2PasswordHashProviderFactory"));
    }
}
