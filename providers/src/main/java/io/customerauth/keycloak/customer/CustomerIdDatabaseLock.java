package io.customerauth.keycloak.customer;

import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Writers of one customer_id kept apart by the database every node shares: a PostgreSQL advisory lock held by the
 * writing transaction ({@code pg_advisory_xact_lock}), the {@link CustomerIdClaims claim} on PostgreSQL. Unlike a
 * claim in Keycloak's replicated store it holds through a split cluster (the two sides no longer share that store, and
 * both got the claim for the same id at once: the fault suite's split), needs no round trip to the other nodes, ends
 * with the transaction, and a node that dies loses its connection and with it the lock. On another database (H2 in
 * development) nothing is locked here.
 */
final class CustomerIdDatabaseLock {

    private static final Logger LOG = Logger.getLogger(CustomerIdDatabaseLock.class);
    private static final String JPA_CONNECTION_PROVIDER = "org.keycloak.connections.jpa.JpaConnectionProvider";
    private static volatile Boolean postgres;

    private CustomerIdDatabaseLock() {
    }

    /** Whether the server stores into PostgreSQL, where these locks are the claims. */
    static boolean applies(KeycloakSession session) {
        return postgres(session);
    }

    /** Locks {@code key} (a claim key: a SHA-256 in hex after a prefix) until this session's transaction ends. */
    static void lock(KeycloakSession session, String key) {
        EntityManager entityManager = entityManager(session);
        if (entityManager == null) {
            throw new IllegalStateException("no JPA connection to lock customer_id " + key + " with");
        }
        String hex = key.substring(key.length() - 16);
        // pg_advisory_xact_lock returns void, which JDBC drivers and Hibernate map unevenly: select a plain 1
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, Long.parseUnsignedLong(hex, 16))
                .getSingleResult();
    }

    /**
     * Locks every key at once, in one statement: a batch of an import takes hundreds. In the keys' order, so that two
     * batches locking overlapping keys wait for each other instead of deadlocking.
     */
    static void lockAll(KeycloakSession session, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        EntityManager entityManager = entityManager(session);
        if (entityManager == null) {
            throw new IllegalStateException("no JPA connection to lock a batch's customer_ids with");
        }
        List<Long> locks = keys.stream().map(key -> Long.parseUnsignedLong(key.substring(key.length() - 16), 16))
                .sorted().distinct().toList();
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= locks.size(); i++) {
            values.append(i == 1 ? "" : ", ").append("(?").append(i).append(')');
        }
        var query = entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k.id) FROM"
                + " (VALUES " + values + ") AS k(id) ORDER BY k.id) AS locked");
        for (int i = 0; i < locks.size(); i++) {
            query.setParameter(i + 1, locks.get(i));
        }
        query.getSingleResult();
    }

    /** Whether the server stores into PostgreSQL, asked once of a connection of Keycloak's own pool. */
    private static boolean postgres(KeycloakSession session) {
        Boolean known = postgres;
        if (known == null) {
            known = productName(session).toLowerCase(Locale.ROOT).contains("postgresql");
            postgres = known;
            LOG.debugf("customer_id writers are kept apart by %s", known ? "the database too" : "the claim alone");
        }
        return known;
    }

    private static String productName(KeycloakSession session) {
        try {
            Class<? extends Provider> type = providerType();
            ProviderFactory<?> factory = session.getKeycloakSessionFactory().getProviderFactory(type);
            if (factory == null) {
                return "";
            }
            try (Connection connection = (Connection) factory.getClass().getMethod("getConnection").invoke(factory)) {
                return connection.getMetaData().getDatabaseProductName();
            }
        } catch (ReflectiveOperationException | ClassCastException | LinkageError | java.sql.SQLException e) {
            LOG.debugf("could not tell the database's product (%s); customer_id writers rely on the claim alone", e);
            return "";
        }
    }

    private static EntityManager entityManager(KeycloakSession session) {
        try {
            Class<? extends Provider> type = providerType();
            Provider provider = session.getProvider(type);
            return provider == null ? null : (EntityManager) type.getMethod("getEntityManager").invoke(provider);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return null;
        }
    }

    private static Class<? extends Provider> providerType() throws ClassNotFoundException {
        return Class.forName(JPA_CONNECTION_PROVIDER, false, CustomerIdDatabaseLock.class.getClassLoader())
                .asSubclass(Provider.class);
    }
}
