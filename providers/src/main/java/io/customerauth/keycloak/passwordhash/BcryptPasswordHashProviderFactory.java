package io.customerauth.keycloak.passwordhash;

import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the verify-only {@value #PROVIDER_ID} password hash (see {@link BcryptPasswordHashProvider}). */
public final class BcryptPasswordHashProviderFactory implements PasswordHashProviderFactory {

    public static final String PROVIDER_ID = "bcrypt";

    private static final BcryptPasswordHashProvider INSTANCE = new BcryptPasswordHashProvider();

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
