package io.customerauth.keycloak.logintiming;

import org.keycloak.provider.Provider;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How long a failed login takes at least, on this node: a little longer than the costliest password verification it
 * has seen lately, whatever the algorithm. A failure that took less (no such email, no stored password, a disabled or locked
 * account, a cheaper hash) waits out the rest, so its time says nothing about the account. Success is never padded:
 * only someone who knows the password sees it.
 *
 * <p>Each algorithm's cost is learned from the verifications the node measured: a moving average plus six times the
 * moving mean of how far slower ones ran above it, so that nearly every verification of that algorithm ends before
 * the floor and every kind of failure ends at the floor, not around it (a fast outlier does not raise it). An algorithm not seen for {@link #FORGET_AFTER} (after a migration
 * re-hashed every legacy hash, say) is forgotten. The floor is
 * capped, so that one costly hash cannot slow every failure down without bound: a hash costlier than the cap stays
 * distinguishable (docs/security.md says so).
 *
 * <p>This is timing, a fact of each node's CPU, not state: each node learns its own, nothing is shared. The node's
 * one floor, shared by the username and password steps of every realm, is its factory's
 * ({@link NodeFailedLoginFloorFactory}).
 */
public final class FailedLoginFloor implements Provider {

    static final Duration CAP = Duration.ofMillis(1500);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final long capNanos;
    private final long forgetAfter;
    private final Map<String, Cost> costs = new ConcurrentHashMap<>();

    FailedLoginFloor(LongSupplier clock, Sleeper sleeper, Duration cap, Duration forgetAfter) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.capNanos = cap.toNanos();
        this.forgetAfter = forgetAfter.toNanos();
    }

    long now() {
        return clock.getAsLong();
    }

    /**
     * A login whose password was verified with this algorithm took this long from its start ({@link LoginStart}) to the
     * verification's end: the lookup before it and any queueing for the CPU included.
     */
    void record(String algorithm, long nanos) {
        long now = clock.getAsLong();
        costs.merge(algorithm, new Cost(nanos, 0, now), (old, latest) -> old.updatedWith(nanos, now));
    }

    /** The least time a failure takes now. */
    long floorNanos() {
        long now = clock.getAsLong();
        long floor = 0;
        for (Cost cost : costs.values()) {
            if (now - cost.lastSeenNanos() <= forgetAfter) {
                floor = Math.max(floor, cost.upperNanos());
            }
        }
        return Math.min(floor, capNanos);
    }

    /** A failure that started at {@code startNanos} ends no sooner than the floor. */
    void padFailure(long startNanos) {
        long remaining = startNanos + floorNanos() - clock.getAsLong();
        if (remaining > 0) {
            sleeper.sleep(remaining);
        }
    }

    static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Moving averages (weight 1/8 for the newest) of the cost and of how far above the average it ran. */
    private record Cost(long averageNanos, long deviationNanos, long lastSeenNanos) {

        Cost updatedWith(long nanos, long now) {
            long average = averageNanos + (nanos - averageNanos) / 8;
            long deviation = deviationNanos + (Math.max(0, nanos - averageNanos) - deviationNanos) / 8;
            return new Cost(average, deviation, now);
        }

        long upperNanos() {
            return averageNanos + 6 * deviationNanos;
        }
    }

    /** The node's floor outlives every session. */
    @Override
    public void close() {
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos);
    }
}
