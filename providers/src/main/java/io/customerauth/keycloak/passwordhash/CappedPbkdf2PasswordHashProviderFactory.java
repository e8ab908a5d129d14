package io.customerauth.keycloak.passwordhash;

import org.keycloak.credential.hash.Pbkdf2PasswordHashProviderFactory;

/** Keycloak's {@code pbkdf2} behind {@link StoredHashCost}. */
public final class CappedPbkdf2PasswordHashProviderFactory extends CappedPasswordHashProviderFactory {

    public CappedPbkdf2PasswordHashProviderFactory() {
        super(new Pbkdf2PasswordHashProviderFactory());
    }
}
