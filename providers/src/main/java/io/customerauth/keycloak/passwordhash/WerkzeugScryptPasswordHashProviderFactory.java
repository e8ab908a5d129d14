package io.customerauth.keycloak.passwordhash;

import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the verify-only {@value #PROVIDER_ID} password hash (see {@link WerkzeugScryptPasswordHashProvider}). */
public final class WerkzeugScryptPasswordHashProviderFactory implements PasswordHashProviderFactory {

    public static final String PROVIDER_ID = "werkzeug-scrypt";

    private static final WerkzeugScryptPasswordHashProvider INSTANCE = new WerkzeugScryptPasswordHashProvider();

    @Override
    public PasswordHashProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
