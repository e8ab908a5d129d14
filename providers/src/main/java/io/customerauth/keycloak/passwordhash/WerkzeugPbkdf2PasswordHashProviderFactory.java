package io.customerauth.keycloak.passwordhash;

/** Registers the verify-only {@value #PROVIDER_ID} password hash (see {@link WerkzeugPbkdf2PasswordHashProvider}). */
public final class WerkzeugPbkdf2PasswordHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public static final String PROVIDER_ID = "werkzeug-pbkdf2";

    public WerkzeugPbkdf2PasswordHashProviderFactory() {
        super(PROVIDER_ID, WerkzeugPbkdf2PasswordHashProvider::new);
    }
}
