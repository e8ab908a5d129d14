package io.customerauth.it.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The machine's load while a scenario runs: the load average, and the busiest processes that are not this run's
 * (the machine is shared: other engineers' builds and tests run beside it).
 */
final class MachineLoad {

    /** One reading: the 1-minute load average and who else was busy. */
    record Reading(long epochMillis, double loadAverage1, String othersBusy) {
    }

    private final List<Reading> readings = new ArrayList<>();

    synchronized void read(Set<Long> ourPids) {
        readings.add(new Reading(System.currentTimeMillis(), loadAverage(), othersBusy(ourPids)));
    }

    synchronized List<Reading> between(long fromMillis, long toMillis) {
        return readings.stream().filter(r -> r.epochMillis() >= fromMillis && r.epochMillis() <= toMillis).toList();
    }

    /** "load average min–max (mean), others busy: ..." over a window. */
    synchronized String describe(long fromMillis, long toMillis) {
        List<Reading> window = between(fromMillis, toMillis);
        if (window.isEmpty()) {
            return "load average " + String.format("%.2f", loadAverage()) + " (one reading)";
        }
        double min = window.stream().mapToDouble(Reading::loadAverage1).min().orElse(0);
        double max = window.stream().mapToDouble(Reading::loadAverage1).max().orElse(0);
        double mean = window.stream().mapToDouble(Reading::loadAverage1).average().orElse(0);
        String others = window.stream().map(Reading::othersBusy).filter(s -> !s.isEmpty()).distinct().limit(3)
                .reduce((a, b) -> a + "; " + b).orElse("none above 20% CPU");
        return String.format("1-min load average %.1f–%.1f (mean %.1f) on 2 cores; other processes busy (CPU share since their start): %s",
                min, max, mean, others);
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Processes not of this run using more than 20% of a CPU just now, by name. */
    private static String othersBusy(Set<Long> ourPids) {
        try {
            Process ps = new ProcessBuilder("ps", "-eo", "pid=,ppid=,pcpu=,comm=", "--sort=-pcpu").start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ps.waitFor();
            long self = ProcessHandle.current().pid();
            List<String> busy = new ArrayList<>();
            for (String line : out.split("\n")) {
                String[] fields = line.trim().split("\\s+", 4);
                if (fields.length < 4) {
                    continue;
                }
                long pid = Long.parseLong(fields[0]);
                double cpu = Double.parseDouble(fields[2]);
                if (cpu < 20) {
                    break;
                }
                if (pid != self && !ourPids.contains(pid) && !ourPids.contains(Long.parseLong(fields[1]))) {
                    busy.add(fields[3] + " " + Math.round(cpu) + "%");
                }
            }
            return String.join(", ", busy);
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
