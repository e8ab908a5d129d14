package io.customerauth.dev.process;

import java.time.Instant;
import java.util.Optional;

/**
 * What a supervisor writes down about a child it started, so that the next run can find it if the supervisor was
 * killed outright (kill -9, a closed terminal) and the child kept running: its pid, its start time (which tells it
 * from a later process that got the same pid) and a marker its command line contains (a path, a main class).
 *
 * @param startMillis the start time in epoch milliseconds, -1 when the system did not tell
 */
public record ProcessRecord(String name, long pid, long startMillis, String marker) {

    private static final String SEPARATOR = "\t";

    public ProcessRecord {
        if (name.contains(SEPARATOR) || marker.contains(SEPARATOR) || name.contains("\n") || marker.contains("\n")) {
            throw new IllegalArgumentException("a tab or a line break in a process record: " + name + ", " + marker);
        }
    }

    /** The record of a process that is running now; {@code marker} must be in its command line. */
    public static ProcessRecord of(String name, ProcessHandle process, String marker) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        return new ProcessRecord(name, process.pid(), start, marker);
    }

    /**
     * The process this record names, when it still runs: the same pid, the same start time, the marker in its
     * command line. A process the system tells neither about never counts.
     */
    public Optional<ProcessHandle> running() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isTheRecordedOne);
    }

    private boolean isTheRecordedOne(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        Optional<Long> start = info.startInstant().map(Instant::toEpochMilli).filter(known -> startMillis >= 0);
        Optional<String> commandLine = info.commandLine();
        if (start.isEmpty() && commandLine.isEmpty()) {
            return false;
        }
        return start.map(millis -> millis == startMillis).orElse(true)
                && commandLine.map(line -> line.contains(marker)).orElse(true);
    }

    String toLine() {
        return String.join(SEPARATOR, "child", name, Long.toString(pid), Long.toString(startMillis), marker);
    }

    /** The record in a line written by {@link #toLine()}; empty for any other line. */
    static Optional<ProcessRecord> parse(String line) {
        String[] fields = line.split(SEPARATOR, -1);
        if (fields.length != 5 || !fields[0].equals("child")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessRecord(fields[1], Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                    fields[4]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
