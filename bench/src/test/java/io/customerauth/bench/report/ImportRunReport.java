package io.customerauth.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.customerauth.bench.imports.ImportPhase;
import io.customerauth.bench.measure.JfrProfile;

/**
 * Turns one {@code bench/run --import-only} into {@code bench/results/<date>-<machine>-import-<label>/report.md} and a
 * chart of customers created per second for each phase: rates, the first and last 100,000, stalls, memory, the CPU of
 * every process per record, Keycloak's profile, and the goals of issue 20 checked against the run's own figures.
 */
public final class ImportRunReport {

    static final double GOAL_RATE = 1_000_000 / 300.0;
    static final double GOAL_CLUSTER_SHARE = 0.70;
    static final double GOAL_DRIFT = 0.20;
    static final double GOAL_STALL_MILLIS = 5_000;
    static final long WINDOW = 100_000;

    private final Environment environment;
    private final Path results;
    private final String label;
    private final String dbParams;
    private final List<String> toolArgs;
    private final List<ImportPhase> phases;
    private final StringBuilder out = new StringBuilder();

    public ImportRunReport(Environment environment, Path results, String label, String dbParams,
                           List<String> toolArgs, List<ImportPhase> phases) {
        this.environment = environment;
        this.results = results;
        this.label = label;
        this.dbParams = dbParams;
        this.toolArgs = toolArgs;
        this.phases = phases;
    }

    public Path write() throws IOException {
        Path folder = Files.createDirectories(results.resolve(environment.folderName() + "-import-"
                + label.replaceAll("[^A-Za-z0-9.-]", "-")));
        header();
        phasesTable();
        goals();
        for (ImportPhase phase : phases) {
            String chart = "import-phase-" + phase.number() + ".svg";
            Files.writeString(folder.resolve(chart), chart(phase));
            phaseSection(phase, chart);
        }
        method();
        Path report = folder.resolve("report.md");
        Files.writeString(report, out.toString());
        return report;
    }

    private void header() {
        line("# Import benchmark: one node and a two-node cluster (`bench/run --import-only`)");
        line("");
        line("Run `%s`, started %s on `%s`.", label, environment.started().toLocalDateTime().withNano(0),
                environment.machine());
        line("");
        line("| | |");
        line("| --- | --- |");
        line("| machine | %s, %d CPUs, %.1f GiB RAM, %s |", environment.cpu(), environment.cores(),
                environment.memoryBytes() / (1024.0 * 1024 * 1024), environment.os());
        line("| Java | %s (Keycloak and the import tool) |", environment.java());
        line("| Keycloak | %s distribution, `kc.sh build --db=postgres --health-enabled=true` then `start --optimized` "
                + "per node, clustered caches (`jdbc-ping`, loopback), heap as `kc.sh` sets it (512 MiB max) |",
                environment.keycloak());
        line("| database | PostgreSQL %s, `synchronous_commit` %s, `fsync` %s, `shared_buffers` %s, `max_wal_size` %s;"
                        + " JDBC parameters: %s |",
                environment.postgres().getOrDefault("server_version", "?"),
                environment.postgres().getOrDefault("synchronous_commit", "?"),
                environment.postgres().getOrDefault("fsync", "?"),
                environment.postgres().getOrDefault("shared_buffers", "?"),
                environment.postgres().getOrDefault("max_wal_size", "?"), dbParams.isEmpty() ? "none" : dbParams);
        line("| import tool | `bin/import-customers` at `-Xmx256m`, %s, generated files with 20%% password hashes "
                + "(bcrypt, werkzeug scrypt and pbkdf2, argon2id in turn), into node A |",
                toolArgs.isEmpty() ? "defaults (bulk endpoint, batches of 500, 2 in flight)" : String.join(" ", toolArgs));
        line("| load average | %s at the start (1, 5, 15 min; other engineers' builds and tests share the machine) |",
                environment.loadAverageAtStart());
        line("");
    }

    private void phasesTable() {
        line("## Phases");
        line("");
        line("| phase | records | exit | created/s, first to last | the tool's run | first 10%% (at most %s) "
                + "| last 10%% (at most %s) | longest stall | load before → after |", thousands(WINDOW),
                thousands(WINDOW));
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (ImportPhase p : phases) {
            line("| %s | %,d | %d | %,.0f | %s (%,.0f/s) | %,.0f/s | %,.0f/s | %,.0f ms | %s → %s |", p.name(),
                    p.records(), p.exitCode(), p.rate(), minutes(p.seconds()), p.toolRate(), p.rateOf(true, window(p)),
                    p.rateOf(false, window(p)), p.timeline().longestGapMillis(), p.loadBefore(), p.loadAfter());
        }
        line("");
        line("The tool's run also holds its start and, after the import, the list of the realm's customers the file "
                + "lacks (every customer of the earlier phases), so the import's rate is taken from the creation times.");
        line("");
        line("CPU while each phase ran, in cores of this machine and in milliseconds per record:");
        line("");
        line("| phase | Keycloak A | Keycloak B | PostgreSQL | tool | machine busy | A ms/record | B ms/record "
                + "| PostgreSQL ms/record | tool peak heap | tool peak RSS | Keycloak A RSS before → peak |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (ImportPhase p : phases) {
            ImportPhase.Cores c = p.cores();
            line("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f | %.3f | %.0f MiB | %.0f MiB | %.0f → %.0f MiB |",
                    p.name(), c.keycloakA(), c.keycloakB(), c.postgres(), c.tool(), c.machine(),
                    p.millisPerRecord(c.keycloakA()), p.millisPerRecord(c.keycloakB()),
                    p.millisPerRecord(c.postgres()), p.memory().toolPeakHeapMiB(), mib(p.memory().toolPeakRss()),
                    mib(p.memory().keycloakRssBefore()), mib(p.memory().keycloakPeakRss()));
        }
        line("");
    }

    private void goals() {
        line("## Goals (issue 20)");
        line("");
        line("| goal | measured | met |");
        line("| --- | --- | --- |");
        ImportPhase biggest = phases.stream().filter(p -> p.nodes() == 1 && p.store().equals("auto"))
                .max(Comparator.comparingLong(ImportPhase::records)).orElse(null);
        if (biggest != null) {
            double projected = 1_000_000 / biggest.rate();
            line("| 1,000,000 records in ≤ 5 min (≥ %,.0f/s), one node | %,.0f/s over %,d records (%s; 1,000,000 at this "
                            + "rate: %s) | %s |", GOAL_RATE, biggest.rate(), biggest.records(),
                    minutes(biggest.seconds()), minutes(projected), yes(biggest.rate() >= GOAL_RATE));
            double first = biggest.rateOf(true, window(biggest));
            double last = biggest.rateOf(false, window(biggest));
            line("| last %s within 20%% of the first %s | %,.0f/s against %,.0f/s (%+.0f%%) | %s |",
                    thousands(window(biggest)), thousands(window(biggest)), last, first,
                    first <= 0 ? 0 : 100 * (last - first) / first, yes(first > 0 && Math.abs(last - first) / first
                            <= GOAL_DRIFT));
            double stall = phases.stream().mapToDouble(p -> p.timeline().longestGapMillis()).max().orElse(0);
            line("| no stall over 5 s | longest %,.0f ms | %s |", stall, yes(stall <= GOAL_STALL_MILLIS));
            double heap = phases.stream().mapToDouble(p -> p.memory().toolPeakHeapMiB()).max().orElse(0);
            line("| the tool's heap ≤ 256 MiB | `-Xmx256m`, peak %.0f MiB used before a collection | %s |", heap,
                    yes(heap > 0 && heap <= 256));
        }
        double two = average(2, 0);
        // A smaller one-node phase (a node's warm-up) is no measure of the one-node rate.
        double one = average(1, phases.stream().filter(p -> p.nodes() == 2).mapToLong(ImportPhase::records).max()
                .orElse(0));
        if (one > 0 && two > 0) {
            line("| two-node cluster ≥ 70%% of one node | %,.0f/s against %,.0f/s (mean of the one-node phases as big): "
                    + "%.0f%% | %s |", two, one, 100 * two / one, yes(two / one >= GOAL_CLUSTER_SHARE));
        }
        line("");
    }

    private double average(int nodes, long recordsAtLeast) {
        return phases.stream().filter(p -> p.nodes() == nodes && p.store().equals("auto")
                        && p.records() >= recordsAtLeast)
                .mapToDouble(ImportPhase::rate).average().orElse(0);
    }

    private void phaseSection(ImportPhase p, String chart) {
        line("## %s", capitalized(p.name()));
        line("");
        line("![customers created per second](%s)", chart);
        line("");
        line("The tool's summary:");
        line("");
        line("```");
        p.toolSummary().forEach(this::line);
        line("```");
        line("");
        for (Map.Entry<String, JfrProfile.Profile> node : p.profiles().entrySet()) {
            profile("Keycloak " + node.getKey(), node.getValue());
        }
    }

    private void profile(String title, JfrProfile.Profile profile) {
        if (profile == null || profile.samples() == 0) {
            return;
        }
        line("%s, Flight Recorder over the phase (%,d samples; GC pauses %,.0f ms):", title, profile.samples(),
                profile.gcPauseMillis());
        line("");
        line("| self time by component | share |");
        line("| --- | ---: |");
        profile.components().forEach((name, count) -> {
            if (count > 0) {
                line("| %s | %.1f%% |", name, profile.share(count));
            }
        });
        line("");
        line("| on the stack (inclusive) | share |");
        line("| --- | ---: |");
        profile.markers().forEach((marker, count) -> {
            if (count > 0 && (marker.contains("customer.bulk") || marker.contains("CustomerIdClaims")
                    || marker.startsWith("org.hibernate") || marker.contains("Transaction") || marker.contains("Cache")
                    || marker.contains("jgroups") || marker.contains("infinispan"))) {
                line("| %s (`%s`) | %.1f%% |", JfrProfile.MARKERS.get(marker), shortName(marker),
                        profile.share(count));
            }
        });
        line("");
        line("| hottest leaf method | share |");
        line("| --- | ---: |");
        profile.topFrames().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(frame -> line("| `%s` | %.1f%% |", frame.getKey(), profile.share(frame.getValue())));
        line("");
    }

    private void method() {
        line("## How it was measured");
        line("");
        line("- One run: PostgreSQL (zonky embedded, fsync and synchronous commits on) and two Keycloak installations "
                + "built once; node A runs throughout, node B joins the cluster for the two-node phases and is stopped "
                + "(SIGTERM) after them. Every phase imports a file of its own (new customers, 20% hashed) through node "
                + "A with the tool, as an operator runs it.");
        line("- Records/s: the records the tool wrote over the tool's whole run (JVM start to summary). Per second: "
                + "the creation times Keycloak stamped on the users. CPU: /proc of each process over the tool's run.");
        line("- The machine is shared with other engineers' builds and tests (the load average above): compare "
                + "phases of the same run, and CPU per record rather than rates, when it is busy.");
        line("");
    }

    private static String chart(ImportPhase p) {
        double[] xs = p.timeline().seconds();
        double[] ys = smoothed(p.timeline().perSecond(), 5);
        List<String> labels = new ArrayList<>(List.of(String.format(Locale.ROOT, "goal %,.0f/s", GOAL_RATE),
                String.format(Locale.ROOT, "this phase %,.0f/s", p.rate())));
        double[] marked = p.timeline().longestGapMillis() > 0 ? new double[] {p.timeline().gapAtSeconds()
                - p.timeline().longestGapMillis() / 1000, p.timeline().gapAtSeconds()} : null;
        return Svg.line(String.format(Locale.ROOT, "%s: customers created per second (5 s mean), %,d records "
                        + "(longest stall %,.0f ms, shaded)", p.name(), p.records(), p.timeline().longestGapMillis()),
                "seconds since the phase's first customer", "customers/s", xs, ys, labels,
                new double[] {GOAL_RATE, p.rate()}, marked);
    }

    private static double[] smoothed(double[] values, int width) {
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= width) {
                sum -= values[i - width];
            }
            out[i] = sum / Math.min(i + 1, width);
        }
        return out;
    }

    private static long window(ImportPhase p) {
        return Math.min(WINDOW, Math.max(1, p.records() / 10));
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String minutes(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String shortName(String marker) {
        String[] parts = marker.split("\\.");
        return parts.length < 2 ? marker : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }
}
