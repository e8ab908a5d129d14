package io.customerauth.keycloak.passwordhash;

import io.customerauth.common.credential.WerkzeugPbkdf2Credential;

/** Registers the verify-only {@value #PROVIDER_ID} password hash (see {@link WerkzeugPbkdf2PasswordHashProvider}). */
public final class WerkzeugPbkdf2PasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String PROVIDER_ID = WerkzeugPbkdf2Credential.ALGORITHM;

    public WerkzeugPbkdf2PasswordHashProviderFactory() {
        super(PROVIDER_ID, WerkzeugPbkdf2PasswordHashProvider::new);
    }
}
