package io.customerauth.keycloak.passwordhash;

/** Registers the verify-only {@value #PROVIDER_ID} password hash (see {@link WerkzeugScryptPasswordHashProvider}). */
public final class WerkzeugScryptPasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String PROVIDER_ID = "werkzeug-scrypt";

    public WerkzeugScryptPasswordHashProviderFactory() {
        super(PROVIDER_ID, WerkzeugScryptPasswordHashProvider::new);
    }
}
