package io.customerauth.it.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the operating system shows of one process: resident memory, threads, open file descriptors, read from
 * {@code /proc}; and, for a JVM that publishes it, the heap left after the last collection.
 */
final class ProcessGauges {

    /** One reading; the heap is NaN where unknown. */
    record Reading(long epochMillis, double rssMiB, int threads, int fds, double heapAfterGcMiB) {
    }

    private final long pid;
    private final Supplier<OptionalDouble> heapAfterGcBytes;

    ProcessGauges(long pid, Supplier<OptionalDouble> heapAfterGcBytes) {
        this.pid = pid;
        this.heapAfterGcBytes = heapAfterGcBytes;
    }

    long pid() {
        return pid;
    }

    /** A reading now; empty fields (NaN, -1) when the process is gone. */
    Reading read() {
        Path proc = Path.of("/proc", Long.toString(pid));
        double rss = Double.NaN;
        int threads = -1;
        int fds = -1;
        try {
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
            try (Stream<Path> open = Files.list(proc.resolve("fd"))) {
                fds = (int) open.count();
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended: the reading says so with its empty fields
        }
        double heap = Double.NaN;
        try {
            heap = heapAfterGcBytes.get().orElse(Double.NaN) / (1024.0 * 1024.0);
        } catch (RuntimeException unreadable) {
            // a node that does not answer has no heap figure for this reading
        }
        return new Reading(System.currentTimeMillis(), rss, threads, fds, heap);
    }
}
