package io.customerauth.keycloak.customer;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Cluster-wide claims on a realm's {@code customer_id}s, held by a transaction that may store them until it ends.
 *
 * <p>Keycloak has no unique constraint on user attributes, and "does another user have it?" alone lets two concurrent
 * creates (two admins, two imports, the console and an import) both pass. So a writer first claims the id, and only
 * then looks for an existing holder: the claim ends only when the claiming transaction has committed or rolled back,
 * so whoever claims next sees the committed user. Keys are the pack's prefix and a hash of realm id and customer_id,
 * never raw input.
 *
 * <p>On PostgreSQL the claim is a lock in the database every node shares ({@link CustomerIdDatabaseLock}): a second
 * writer of the same id waits for the first's transaction to end, then finds its customer. It holds through a split
 * cluster, ends with the transaction (or with the connection of a node that dies), and costs no round trip to the
 * other nodes: a bulk import's batch takes all its locks in one statement.
 *
 * <p>On another database (H2 in development) the claim is a {@code putIfAbsent} in Keycloak's replicated
 * {@code SingleUseObjectProvider}, refused while another transaction holds it; a claim of a node that dies
 * mid-transaction lapses after {@value #LIFESPAN_SECONDS} s. There every claim and release is a round trip to the
 * other nodes, so {@link #claimAll} runs {@value #PARALLEL_ROUND_TRIPS} at a time on a small pool the bulk import's
 * factory owns, and its claims are released only when the transaction rolls back: after a commit they lapse, which
 * refuses nothing anyone may do meanwhile (the ids are taken by the committed customers).
 */
public final class CustomerIdClaims {

    static final int LIFESPAN_SECONDS = 120;
    /** The threads a bulk import's pool for {@link #claimAll} should have. */
    public static final int PARALLEL_ROUND_TRIPS = 8;
    /** Below this many ids, one thread does it: nothing to gain from handing work over. */
    private static final int PARALLEL_FROM = 32;
    private static final String PREFIX = "customer-auth:customer-id-claim:";
    private static final String HELD = CustomerIdClaims.class.getName() + ".held";
    private static final String HELD_TO_LAPSE = CustomerIdClaims.class.getName() + ".heldToLapse";

    private final KeycloakSession session;

    private CustomerIdClaims(KeycloakSession session) {
        this.session = session;
    }

    public static CustomerIdClaims of(KeycloakSession session) {
        return new CustomerIdClaims(session);
    }

    /**
     * Whether a claim waits for another transaction holding the id to end (on PostgreSQL, where claims are advisory
     * locks), rather than being refused while it holds it.
     */
    public boolean waitForOtherWriters() {
        return CustomerIdDatabaseLock.applies(session);
    }

    /**
     * Claims the id for this session's transaction. True when it now holds the claim (or already did), false while
     * another transaction, on any node, holds it (on PostgreSQL it waits for that transaction to end instead).
     */
    public boolean claim(RealmModel realm, String customerId) {
        String key = key(realm, customerId);
        if (CustomerIdDatabaseLock.applies(session)) {
            CustomerIdDatabaseLock.lock(session, key);
            return true;
        }
        Set<String> held = heldByThisTransaction();
        if (held.contains(key)) {
            return true;
        }
        if (!session.singleUseObjects().putIfAbsent(key, LIFESPAN_SECONDS)) {
            return false;
        }
        held.add(key);
        return true;
    }

    /**
     * Claims many ids for this session's transaction at once; returns those it now holds (an id another transaction
     * holds is left out; on PostgreSQL, all of them, once their holders' transactions have ended). Taken in parallel,
     * as if claimed one by one.
     */
    public Set<String> claimAll(RealmModel realm, Collection<String> customerIds, Executor roundTrips) {
        if (CustomerIdDatabaseLock.applies(session)) {
            CustomerIdDatabaseLock.lockAll(session, customerIds.stream().map(id -> key(realm, id)).toList());
            return new HashSet<>(customerIds);
        }
        Set<String> held = heldByThisTransaction(HELD_TO_LAPSE, roundTrips);
        Set<String> heldOneByOne = heldByThisTransaction();
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        Set<String> keysTaken = ConcurrentHashMap.newKeySet();
        List<String> wanted = new ArrayList<>();
        for (String customerId : customerIds) {
            String key = key(realm, customerId);
            if (held.contains(key) || heldOneByOne.contains(key)) {
                claimed.add(customerId);
            } else {
                wanted.add(customerId);
            }
        }
        var objects = session.singleUseObjects();
        try {
            inParallel(wanted, roundTrips, customerId -> {
                String key = key(realm, customerId);
                if (objects.putIfAbsent(key, LIFESPAN_SECONDS)) {
                    keysTaken.add(key);
                    claimed.add(customerId);
                }
            });
        } finally {
            held.addAll(keysTaken);
        }
        return claimed;
    }

    /**
     * Runs {@code task} on every item, in {@value #PARALLEL_ROUND_TRIPS} parts on {@code executor} (one after the
     * other without one); the first failure is thrown.
     */
    private static void inParallel(List<String> items, Executor executor, Consumer<String> task) {
        if (executor == null || items.size() < PARALLEL_FROM) {
            items.forEach(task);
            return;
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        int size = (items.size() + PARALLEL_ROUND_TRIPS - 1) / PARALLEL_ROUND_TRIPS;
        for (int from = 0; from < items.size(); from += size) {
            List<String> part = items.subList(from, Math.min(items.size(), from + size));
            parts.add(CompletableFuture.runAsync(() -> part.forEach(task), executor));
        }
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
    }

    private Set<String> heldByThisTransaction() {
        return heldByThisTransaction(HELD, null);
    }

    /**
     * The keys this transaction holds under {@code attribute}: released when it ends, one after the other; or, with
     * {@code lapsing} (claims of {@link #claimAll}), only when it rolls back, on that executor.
     */
    private Set<String> heldByThisTransaction(String attribute, Executor lapsing) {
        @SuppressWarnings("unchecked")
        Set<String> held = session.getAttribute(attribute, Set.class);
        if (held == null) {
            held = new HashSet<>();
            session.setAttribute(attribute, held);
            session.getTransactionManager().enlistAfterCompletion(new Release(session.getKeycloakSessionFactory(), held,
                    lapsing));
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
        /** Claims that lapse after a commit, released on a rollback on this executor; {@code null} otherwise. */
        private final Executor lapsing;

        Release(KeycloakSessionFactory factory, Set<String> held, Executor lapsing) {
            this.factory = factory;
            this.held = held;
            this.lapsing = lapsing;
        }

        @Override
        protected void commitImpl() {
            if (lapsing == null) {
                release();
            }
        }

        @Override
        protected void rollbackImpl() {
            release();
        }

        private void release() {
            if (!held.isEmpty()) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    var objects = session.singleUseObjects();
                    inParallel(List.copyOf(held), lapsing, objects::remove);
                });
            }
        }
    }
}
