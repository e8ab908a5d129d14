package io.customerauth.importer.keycloak;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: about 0.5 s, 1 s, 2 s, 4 s ... capped at 30 s, each scaled by 50-100 %. */
final class Backoff {

    private final Duration base;
    private final Duration cap;

    Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** The pause before retry number {@code retry} (1 for the first retry). */
    Duration delay(int retry) {
        long exponential = base.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(exponential, cap.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
