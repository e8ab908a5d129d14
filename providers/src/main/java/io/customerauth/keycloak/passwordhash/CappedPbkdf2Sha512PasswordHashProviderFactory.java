package io.customerauth.keycloak.passwordhash;

import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;

/** Keycloak's {@code pbkdf2-sha512} behind {@link StoredHashCost}. */
public final class CappedPbkdf2Sha512PasswordHashProviderFactory extends CappedPasswordHashProviderFactory {

    public CappedPbkdf2Sha512PasswordHashProviderFactory() {
        super(new Pbkdf2Sha512PasswordHashProviderFactory());
    }
}
