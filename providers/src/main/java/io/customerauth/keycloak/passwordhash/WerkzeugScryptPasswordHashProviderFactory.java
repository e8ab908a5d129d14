package io.customerauth.keycloak.passwordhash;

import io.customerauth.common.credential.WerkzeugScryptCredential;

/** Registers the verify-only {@value #PROVIDER_ID} password hash (see {@link WerkzeugScryptPasswordHashProvider}). */
public final class WerkzeugScryptPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String PROVIDER_ID = WerkzeugScryptCredential.ALGORITHM;

    public WerkzeugScryptPasswordHashProviderFactory() {
        super(PROVIDER_ID, WerkzeugScryptPasswordHashProvider::new);
    }
}
