package io.customerauth.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent so far, from /proc (in clock ticks, 100 per second on Linux): by the whole machine (busy and in
 * all), by Keycloak's JVM, by PostgreSQL (the postmaster, its live backends and the ones it has reaped), and by this
 * JVM (Gatling, the load generator); and Keycloak's by kind of thread (request workers, GC, JIT compilers, ...).
 * The difference of two snapshots says where a window's CPU went. Threads that ended within a window are missed.
 */
public record CpuSnapshot(long nanos, long epochMillis, long machineBusy, long machineTotal, long keycloak,
                          long postgres, long loadGenerator, Map<String, Long> keycloakThreads) {

    public static final double TICKS_PER_SECOND = 100.0;

    /** Reads the counters for these processes now. */
    public static CpuSnapshot take(long keycloakPid, long postmasterPid) {
        long[] machine = machine();
        return new CpuSnapshot(System.nanoTime(), System.currentTimeMillis(), machine[0], machine[1],
                process(keycloakPid, false), postgres(postmasterPid), process(ProcessHandle.current().pid(), false),
                threads(keycloakPid));
    }

    /**
     * CPU ticks of a process's threads by kind: the thread's name (as Linux keeps it, 15 characters) without its
     * numbers, so "GC Thread#0" and "GC Thread#1" add up, as do all of "executor-thread-N".
     */
    static Map<String, Long> threads(long pid) {
        Map<String, Long> groups = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "").replaceAll("[-#_ ]+$", "");
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
                    groups.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended in between
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return groups;
    }

    /** {busy, total} ticks of all CPUs, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value; // idle, iowait
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long postgres(long postmasterPid) {
        if (postmasterPid <= 0) {
            return 0;
        }
        long ticks = process(postmasterPid, true);
        try (Stream<ProcessHandle> children = ProcessHandle.of(postmasterPid).stream().flatMap(ProcessHandle::children)) {
            for (ProcessHandle child : children.toList()) {
                ticks += process(child.pid(), false);
            }
        }
        return ticks;
    }

    /** utime + stime (+ cutime + cstime of reaped children) of a process, from /proc/PID/stat. */
    static long process(long pid, boolean withChildren) {
        return stat(pid).stream().mapToLong(fields -> {
            long own = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
            return withChildren ? own + Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14)) : own;
        }).findFirst().orElse(0);
    }

    /** Resident memory of a process in bytes, from /proc/PID/status: now ({@code VmRSS}) or at its peak ({@code VmHWM}). */
    public static OptionalLong memory(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return OptionalLong.empty();
    }

    public static OptionalLong residentBytes(long pid) {
        return memory(pid, "VmRSS");
    }

    /** The fields after the command name (which may hold spaces), so index 0 is the state (field 3 of proc(5)). */
    private static java.util.Optional<List<String>> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String rest = line.substring(line.lastIndexOf(')') + 2);
            return java.util.Optional.of(List.of(rest.trim().split("\\s+")));
        } catch (IOException | RuntimeException gone) {
            return java.util.Optional.empty();
        }
    }
}
