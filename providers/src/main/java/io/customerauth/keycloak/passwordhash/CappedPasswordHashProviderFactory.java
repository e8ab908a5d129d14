package io.customerauth.keycloak.passwordhash;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Takes the place of one of Keycloak's own password hash factories ({@code argon2}, the {@code pbkdf2} family) under
 * the same id, so that every stored credential of that algorithm is checked against {@link StoredHashCost} before
 * Keycloak's provider hashes anything; everything else is Keycloak's: configuration ({@code
 * --spi-password-hashing--<id>--*}), hashing, policy checks, support per environment (argon2 is off under FIPS).
 *
 * <p>Keycloak keeps one factory per SPI and id, the one of higher {@link #order()} ({@code ProviderManager
 * .compareFactories}, also at Quarkus build time). This one's order is Keycloak's plus one: it wins, and the ranking
 * that picks the server's default hash (argon2, order 300) does not change.
 */
abstract class CappedPasswordHashProviderFactory implements PasswordHashProviderFactory,
        EnvironmentDependentProviderFactory {

    private final PasswordHashProviderFactory keycloak;

    CappedPasswordHashProviderFactory(PasswordHashProviderFactory keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Keycloak's factory of this class name, for the ones the pack cannot compile against (keycloak-crypto-default,
     * argon2's home, is not on Maven Central). Missing, the server does not start: running without the limits would
     * silently bring the issue back.
     */
    static PasswordHashProviderFactory keycloakFactory(String className) {
        try {
            return Class.forName(className, true, CappedPasswordHashProviderFactory.class.getClassLoader())
                    .asSubclass(PasswordHashProviderFactory.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("Keycloak's password hash factory " + className + " is not on the class "
                    + "path; the customer-auth pack is built for Keycloak 26.7.3", e);
        }
    }

    @Override
    public final PasswordHashProvider create(KeycloakSession session) {
        return new CappedPasswordHashProvider(session, keycloak.create(session));
    }

    @Override
    public final void init(Config.Scope config) {
        keycloak.init(config);
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        keycloak.postInit(factory);
    }

    @Override
    public final void close() {
        keycloak.close();
    }

    @Override
    public final String getId() {
        return keycloak.getId();
    }

    @Override
    public final int order() {
        return keycloak.order() + 1;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        return keycloak.getConfigMetadata();
    }

    @Override
    public final boolean isSupported(Config.Scope config) {
        return !(keycloak instanceof EnvironmentDependentProviderFactory dependent) || dependent.isSupported(config);
    }
}
