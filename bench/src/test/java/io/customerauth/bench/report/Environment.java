package io.customerauth.bench.report;

import io.customerauth.bench.BenchConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Where and on what a run happened, for the report's header and its folder name. */
public record Environment(ZonedDateTime started, String machine, String cpu, int cores, long memoryBytes,
                          String os, String java, String keycloak, Map<String, String> postgres,
                          String loadAverageAtStart) {

    public static Environment describe(BenchConfig config, Map<String, String> postgres) {
        return describe(config.machine(), config.keycloakVersion(), postgres);
    }

    /** @param machine the machine's name for the folder, or blank for the host name */
    public static Environment describe(String machine, String keycloakVersion, Map<String, String> postgres) {
        return new Environment(ZonedDateTime.now(), machine.isBlank() ? hostname() : machine, cpuModel(),
                Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                keycloakVersion, postgres, loadAverage());
    }

    /** The report's folder: {@code <date>-<machine>}. */
    public String folderName() {
        return started.format(DateTimeFormatter.ISO_LOCAL_DATE) + "-"
                + machine.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }

    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static long memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
