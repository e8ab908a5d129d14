package io.customerauth.bench.stack;

import java.time.Duration;

/** Thread.sleep without the checked exception: an interrupt ends the run. */
public final class Pause {

    private Pause() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
