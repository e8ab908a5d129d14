package io.customerauth.keycloak.passwordhash;

import org.keycloak.credential.hash.Pbkdf2Sha256PasswordHashProviderFactory;

/** Keycloak's {@code pbkdf2-sha256} behind {@link StoredHashCost}. */
public final class CappedPbkdf2Sha256PasswordHashProviderFactory extends CappedPasswordHashProviderFactory {

    public CappedPbkdf2Sha256PasswordHashProviderFactory() {
        super(new Pbkdf2Sha256PasswordHashProviderFactory());
    }
}
