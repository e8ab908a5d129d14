package io.customerauth.keycloak.passwordhash;

import java.util.function.Function;

import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What the verify-only factories share: an id, a provider per session (it records refusals in the session's realm,
 * see {@link HashCostRefusal}), nothing to configure and nothing to close. The default {@link #order()}, 0, keeps
 * them from ever becoming the server's default hash.
 */
abstract class LegacyPasswordHashProviderFactory implements PasswordHashProviderFactory {

    private final String id;
    private final Function<KeycloakSession, ? extends LegacyPasswordHashProvider> providers;

    LegacyPasswordHashProviderFactory(String id,
                                      Function<KeycloakSession, ? extends LegacyPasswordHashProvider> providers) {
        this.id = id;
        this.providers = providers;
    }

    @Override
    public final PasswordHashProvider create(KeycloakSession session) {
        return providers.apply(session);
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }

    @Override
    public final String getId() {
        return id;
    }
}
