package io.customerauth.keycloak.passwordhash;

import io.customerauth.common.credential.BcryptCredential;

/** Registers the verify-only {@value #PROVIDER_ID} password hash (see {@link BcryptPasswordHashProvider}). */
public final class BcryptPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String PROVIDER_ID = BcryptCredential.ALGORITHM;

    public BcryptPasswordHashProviderFactory() {
        super(PROVIDER_ID, BcryptPasswordHashProvider::new);
    }
}
