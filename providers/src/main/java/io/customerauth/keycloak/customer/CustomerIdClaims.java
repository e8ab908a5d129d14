package io.customerauth.keycloak.customer;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Cluster-wide claims on a realm's {@code customer_id}s, held by a transaction that may store them until it ends.
 *
 * <p>Keycloak has no unique constraint on user attributes, and "does another user have it?" alone lets two concurrent
 * creates (two admins, two imports, the console and an import) both pass. So a writer first claims the id in
 * Keycloak's replicated {@code SingleUseObjectProvider} with its atomic {@code putIfAbsent}, and only then looks for
 * an existing holder: the claim is released only after the claiming transaction has committed or rolled back, so
 * whoever claims next sees the committed user. A claim of a node that dies mid-transaction lapses after
 * {@value #LIFESPAN_SECONDS} s. The two sides of a split cluster no longer share that store, so on PostgreSQL the
 * claim also takes a lock in the database both sides still share ({@link CustomerIdDatabaseLock}). Keys are the pack's prefix and a hash of realm id and customer_id, never raw input.
 */
public final class CustomerIdClaims {

    static final int LIFESPAN_SECONDS = 120;
    private static final String PREFIX = "customer-auth:customer-id-claim:";
    private static final String HELD = CustomerIdClaims.class.getName() + ".held";

    private final KeycloakSession session;

    private CustomerIdClaims(KeycloakSession session) {
        this.session = session;
    }

    public static CustomerIdClaims of(KeycloakSession session) {
        return new CustomerIdClaims(session);
    }

    /**
     * Claims the id for this session's transaction. True when it now holds the claim (or already did), false while
     * another transaction, on any node, holds it.
     */
    public boolean claim(RealmModel realm, String customerId) {
        String key = key(realm, customerId);
        Set<String> held = heldByThisTransaction();
        if (held.contains(key)) {
            return true;
        }
        if (!session.singleUseObjects().putIfAbsent(key, LIFESPAN_SECONDS)) {
            return false;
        }
        held.add(key);
        CustomerIdDatabaseLock.lock(session, key);
        return true;
    }

    private Set<String> heldByThisTransaction() {
        @SuppressWarnings("unchecked")
        Set<String> held = session.getAttribute(HELD, Set.class);
        if (held == null) {
            held = new HashSet<>();
            session.setAttribute(HELD, held);
            session.getTransactionManager().enlistAfterCompletion(new Release(session.getKeycloakSessionFactory(), held));
        }
        return held;
    }

    static String key(RealmModel realm, String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((realm.getId() + "\n" + customerId).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Releases the claims once the transaction has ended either way, in a session of its own. */
    private static final class Release extends AbstractKeycloakTransaction {

        private final KeycloakSessionFactory factory;
        private final Set<String> held;

        Release(KeycloakSessionFactory factory, Set<String> held) {
            this.factory = factory;
            this.held = held;
        }

        @Override
        protected void commitImpl() {
            release();
        }

        @Override
        protected void rollbackImpl() {
            release();
        }

        private void release() {
            if (!held.isEmpty()) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> held.forEach(session.singleUseObjects()::remove));
            }
        }
    }
}
