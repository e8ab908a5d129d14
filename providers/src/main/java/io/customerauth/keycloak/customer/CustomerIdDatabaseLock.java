package io.customerauth.keycloak.customer;

import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;

import java.util.Collection;
import java.util.List;

/**
 * Writers of one customer_id kept apart by the database every node shares: a PostgreSQL advisory lock held by the
 * writing transaction ({@code pg_advisory_xact_lock}), the {@link CustomerIdClaims claim} on PostgreSQL. Unlike a
 * claim in Keycloak's replicated store it holds through a split cluster (the two sides no longer share that store, and
 * both got the claim for the same id at once: the fault suite's split), needs no round trip to the other nodes, ends
 * with the transaction, and a node that dies loses its connection and with it the lock. On another database (H2 in
 * development) nothing is locked here.
 */
final class CustomerIdDatabaseLock {

    /** What the database is, asked once per node (for lack of a factory of its own, kept here). */
    private static final KeycloakJpa JPA = new KeycloakJpa();

    private CustomerIdDatabaseLock() {
    }

    /** Whether the server stores into PostgreSQL, where these locks are the claims. */
    static boolean applies(KeycloakSession session) {
        KeycloakJpa.Database database = JPA.database(session);
        return database != null && database.postgres();
    }

    /** Locks {@code key} (a claim key: a SHA-256 in hex after a prefix) until this session's transaction ends. */
    static void lock(KeycloakSession session, String key) {
        lockAll(session, List.of(key));
    }

    /**
     * Locks every key at once, in one statement: a batch of an import takes hundreds. In the keys' order, so that two
     * batches locking overlapping keys wait for each other instead of deadlocking.
     */
    static void lockAll(KeycloakSession session, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        EntityManager entityManager = KeycloakJpa.entityManager(session);
        if (entityManager == null) {
            throw new IllegalStateException("no JPA connection to lock customer_ids with");
        }
        List<Long> locks = keys.stream().map(key -> Long.parseUnsignedLong(key.substring(key.length() - 16), 16))
                .sorted().distinct().toList();
        var query = entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k.id) FROM "
                + ValuesList.of(locks.size()) + " AS k(id) ORDER BY k.id) AS locked");
        ValuesList.bind(query, locks);
        query.getSingleResult();
    }
}
