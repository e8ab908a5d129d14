package io.customerauth.bench.measure;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The argon2 ceiling measured inside the login rounds: side C of each round hashes in this JVM while every virtual
 * user pauses and Keycloak is idle. Begin and end are idempotent, since every virtual user passes them.
 */
public final class CeilingWindows {

    private final int threads;
    private final Map<Integer, Argon2Ceiling.Running> running = new TreeMap<>();
    private final Map<Integer, Argon2Ceiling.Result> results = new TreeMap<>();

    public CeilingWindows(int threads) {
        this.threads = threads;
    }

    public synchronized void begin(int round) {
        if (!running.containsKey(round)) {
            running.put(round, Argon2Ceiling.start(threads));
        }
    }

    public synchronized void end(int round) {
        Argon2Ceiling.Running hashing = running.get(round);
        if (hashing != null && !results.containsKey(round)) {
            results.put(round, hashing.stop());
        }
    }

    public synchronized Optional<Argon2Ceiling.Result> round(int round) {
        return Optional.ofNullable(results.get(round));
    }

    /** Every measured round (round 0 is the warm-up) together. */
    public synchronized Optional<Argon2Ceiling.Result> measured() {
        return results.entrySet().stream().filter(entry -> entry.getKey() > 0).map(Map.Entry::getValue)
                .reduce(Argon2Ceiling.Result::plus);
    }
}
