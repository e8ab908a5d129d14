package io.customerauth.dev.stack;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A note every so often while something slow goes on ("...still starting (40 s)"), until closed. */
public final class ProgressNotes implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private ProgressNotes(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Says {@code format} with the whole seconds since now, every {@code period}. */
    public static ProgressNotes every(Duration period, String format, Consumer<String> say) {
        long started = System.nanoTime();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress-notes");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> say.accept(format.formatted(
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))),
                period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new ProgressNotes(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
