package io.customerauth.keycloak.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * Keycloak's own JPA store, reached by name because keycloak-model-jpa cannot be a build dependency (its parent POM is
 * not on Maven Central): the request transaction's entity manager, and what the database is (asked once per node,
 * kept by its owner). Everything here answers "not available" rather than failing: the bulk import then goes through
 * Keycloak's user model, and customer_id claims through the replicated store ({@link CustomerIdClaims}).
 */
public final class KeycloakJpa {

    private static final String JPA_CONNECTION_PROVIDER = "org.keycloak.connections.jpa.JpaConnectionProvider";
    private static final String JPA_CONNECTION_PROVIDER_FACTORY =
            "org.keycloak.connections.jpa.JpaConnectionProviderFactory";

    /** The database product and schema, asked once: they cannot change while the node runs. */
    private volatile Database database;

    /** @param product the JDBC driver's product name, e.g. {@code PostgreSQL}; {@code schema} may be null */
    public record Database(String product, String schema) {
        public boolean postgres() {
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
        }

        /** A table's name as native SQL must write it. */
        public String table(String name) {
            return schema == null || schema.isBlank() ? name : schema + "." + name;
        }
    }

    /** The entity manager of this session's transaction, or {@code null}. */
    public static EntityManager entityManager(KeycloakSession session) {
        try {
            Class<? extends Provider> type = providerType();
            Provider provider = session.getProvider(type);
            return provider == null ? null : (EntityManager) type.getMethod("getEntityManager").invoke(provider);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return null;
        }
    }

    /** The database Keycloak stores into, or {@code null} when it cannot be told. */
    public Database database(KeycloakSession session) {
        Database known = database;
        if (known != null) {
            return known;
        }
        try {
            ProviderFactory<?> factory = session.getKeycloakSessionFactory().getProviderFactory(providerType());
            Class<?> factoryType = Class.forName(JPA_CONNECTION_PROVIDER_FACTORY, false,
                    KeycloakJpa.class.getClassLoader());
            String schema = (String) factoryType.getMethod("getSchema").invoke(factory);
            try (Connection connection = (Connection) factoryType.getMethod("getConnection").invoke(factory)) {
                known = new Database(connection.getMetaData().getDatabaseProductName(), schema);
            }
        } catch (ReflectiveOperationException | LinkageError | SQLException | RuntimeException e) {
            return null;
        }
        database = known;
        return known;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Provider> providerType() throws ClassNotFoundException {
        return (Class<? extends Provider>) Class.forName(JPA_CONNECTION_PROVIDER, false,
                KeycloakJpa.class.getClassLoader()).asSubclass(Provider.class);
    }
}
