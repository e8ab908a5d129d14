package io.customerauth.bench.measure;

import java.util.function.LongSupplier;

/**
 * Whether a process is still busy: more than a quarter of a core over the last half second or so. Used to let work a
 * side left behind (jobs queued after the answer) finish inside that side's window, not in the next side's.
 */
public final class BusyProbe {

    private static final double BUSY_CORES = 0.25;
    private static final long MIN_INTERVAL_NANOS = 400_000_000L;

    private final LongSupplier pid;
    private long lastNanos = System.nanoTime();
    private long lastTicks = -1;
    private boolean busy = true;

    public BusyProbe(LongSupplier pid) {
        this.pid = pid;
    }

    public synchronized boolean busy() {
        long now = System.nanoTime();
        if (now - lastNanos < MIN_INTERVAL_NANOS && lastTicks >= 0) {
            return busy;
        }
        long ticks = CpuSnapshot.process(pid.getAsLong(), false);
        if (lastTicks >= 0) {
            double cores = (ticks - lastTicks) / CpuSnapshot.TICKS_PER_SECOND / ((now - lastNanos) / 1e9);
            busy = cores > BUSY_CORES;
        }
        lastTicks = ticks;
        lastNanos = now;
        return busy;
    }
}
