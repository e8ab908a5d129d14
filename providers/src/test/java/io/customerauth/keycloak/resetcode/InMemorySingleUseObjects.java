package io.customerauth.keycloak.resetcode;

import org.keycloak.models.SingleUseObjectProvider;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keycloak's single-use store with the same atomic guarantees, in memory. {@link #holdReadsAt} makes every
 * {@code get} wait until that many callers have read: the moment when concurrent requests all hold the same entry.
 * Lifespans are not enforced: the tests run within one window.
 */
final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile CyclicBarrier readBarrier;

    void holdReadsAt(CyclicBarrier barrier) {
        this.readBarrier = barrier;
    }

    int size() {
        return entries.size();
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** Calls of {@code putIfAbsent} and {@code contains} so far: each is a network round trip in a cluster. */
    int calls() {
        return calls.get();
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, Map.copyOf(notes));
    }

    @Override
    public Map<String, String> get(String key) {
        Map<String, String> value = entries.get(key);
        CyclicBarrier barrier = readBarrier;
        if (barrier != null) {
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return value;
    }

    @Override
    public Map<String, String> remove(String key) {
        return entries.remove(key);
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        return entries.replace(key, Map.copyOf(notes)) != null;
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanInSeconds) {
        if (lifespanInSeconds <= 0) {
            throw new IllegalArgumentException("lifespan must be positive: " + lifespanInSeconds);
        }
        calls.incrementAndGet();
        return entries.putIfAbsent(key, Map.of()) == null;
    }

    @Override
    public boolean contains(String key) {
        calls.incrementAndGet();
        return entries.containsKey(key);
    }

    @Override
    public void close() {
    }
}
