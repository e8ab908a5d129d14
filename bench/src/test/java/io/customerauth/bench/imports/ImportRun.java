package io.customerauth.bench.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.customerauth.bench.measure.CpuSnapshot;
import io.customerauth.bench.stack.BenchDatabase;
import io.customerauth.bench.stack.FreePort;
import io.customerauth.bench.stack.KeycloakProcess;
import io.customerauth.bench.stack.MailSink;
import io.customerauth.bench.stack.Pause;
import io.customerauth.dev.stack.KeycloakEnvFile;

/**
 * The import alone, on one node and on a two-node cluster in the same run: PostgreSQL (fsync on), Keycloak nodes in
 * production mode with their clustered caches on loopback, and the import tool writing one generated file per phase
 * through node A. Phases run in the order asked ({@code 1,2,1}: node A alone, then with node B in the cluster, then
 * alone again with B stopped), so the cluster's cost is measured between two one-node figures on the same table.
 *
 * <p>System properties: {@code bench.import.records} (per phase), {@code bench.import.phases},
 * {@code bench.import.dbParams} (added to Keycloak's JDBC URL), {@code bench.import.toolArgs},
 * {@code bench.import.label}; the paths as for the whole bench.
 */
public final class ImportRun {

    private static final Pattern TWO_MEMBERS = Pattern.compile("ISPN000094: Received new cluster view .*\\(2\\)");

    private final Path root;
    private final Path dist;
    private final Path work;
    private final int records;
    private final List<Integer> phases;
    private final String dbParams;
    private final List<String> toolArgs;
    private final String label;

    private ImportRun() {
        root = Path.of(System.getProperty("bench.projectRoot")).toAbsolutePath().normalize();
        dist = Path.of(System.getProperty("bench.keycloakDist")).toAbsolutePath().normalize();
        work = Path.of(System.getProperty("bench.workDir")).toAbsolutePath().normalize().resolve("import-run");
        records = Integer.parseInt(System.getProperty("bench.import.records", "50000"));
        phases = Arrays.stream(System.getProperty("bench.import.phases", "1,2,1").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        dbParams = System.getProperty("bench.import.dbParams", "");
        String args = System.getProperty("bench.import.toolArgs", "").trim();
        toolArgs = args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
        label = System.getProperty("bench.import.label", "run");
    }

    public static void main(String[] args) throws Exception {
        new ImportRun().run();
        System.exit(0);
    }

    private void run() throws IOException {
        Files.createDirectories(work);
        say("building Keycloak (kc.sh build " + String.join(" ", KeycloakInstall.BUILD_OPTIONS) + ")");
        Path logConfig = root.resolve("config/keycloak.conf");
        Path envFile = root.resolve(KeycloakEnvFile.PATH);
        KeycloakInstall install = KeycloakInstall.build(dist, logConfig, envFile, work.resolve("build.log"));
        say("starting PostgreSQL (fsync on)");
        try (BenchDatabase database = BenchDatabase.start(work.resolve("postgres-data"));
             MailSink mail = MailSink.start()) {
            long postmaster = Long.parseLong(Files.readAllLines(work.resolve("postgres-data/postmaster.pid")).get(0)
                    .trim());
            String jdbc = database.jdbcUrl() + (dbParams.isEmpty() ? "" : "?" + dbParams);
            KeycloakProcess.Setup setupA = setup(install, "node-a", logConfig, envFile, jdbc, mail.port());
            KeycloakProcess.Setup setupB = setup(install, "node-b", logConfig, envFile, jdbc, mail.port());
            ImportTool tool;
            List<ImportPhase> results = new ArrayList<>();
            say("starting node A");
            KeycloakProcess a = KeycloakProcess.startClusterNode(setupA);
            KeycloakProcess b = null;
            try {
                tool = new ImportTool(root, a.baseUrl());
                for (int i = 0; i < phases.size(); i++) {
                    int nodes = phases.get(i);
                    if (nodes == 2 && b == null) {
                        say("starting node B");
                        b = KeycloakProcess.startClusterNode(setupB);
                        awaitLine(a.logFile(), TWO_MEMBERS, Duration.ofMinutes(3));
                    } else if (nodes == 1 && b != null) {
                        say("stopping node B");
                        b.close();
                        b = null;
                    }
                    results.add(phase(i + 1, nodes, tool, database, a.pid(), b == null ? -1 : b.pid(), postmaster));
                    say(describe(results.get(results.size() - 1)));
                }
            } finally {
                if (b != null) {
                    b.close();
                }
                a.close();
            }
            String summary = summary(results);
            Path out = work.resolve(label + ".md");
            Files.writeString(out, summary);
            System.out.println(summary);
            say("written " + out);
        }
    }

    private KeycloakProcess.Setup setup(KeycloakInstall install, String node, Path logConfig, Path envFile,
                                        String jdbc, int smtp) throws IOException {
        Path home = install.node(work.resolve("nodes/" + node));
        Path nodeWork = Files.createDirectories(work.resolve(node));
        return new KeycloakProcess.Setup(home, logConfig, envFile, nodeWork, jdbc, smtp, FreePort.next());
    }

    private ImportPhase phase(int number, int nodes, ImportTool tool, BenchDatabase database, long pidA, long pidB,
                              long postmaster) throws IOException {
        String tag = "p" + number + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Path file = work.resolve("phase-" + number + ".json");
        Path log = work.resolve("phase-" + number + ".log");
        Files.deleteIfExists(log);
        tool.run("-Xmx256m", log, "generate", "--count", Integer.toString(records), "--hashed-percent", "20",
                "--email-tag", tag, "--seed", Integer.toString(20261203 + number), "--output", file.toString());
        String loadBefore = loadavg();
        say("phase " + number + ": " + String.format(Locale.ROOT, "%,d", records) + " records into " + nodes
                + " node(s); load " + loadBefore);
        List<String> args = new ArrayList<>(toolArgs);
        args.add(file.toString());
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        CpuSnapshot before = CpuSnapshot.take(pidA, postmaster);
        Duration bBefore = cpu(pidB);
        Process process = tool.start("-Xmx256m", log, args.toArray(String[]::new));
        Duration toolCpu = Duration.ZERO;
        try {
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                toolCpu = process.toHandle().info().totalCpuDuration().orElse(toolCpu);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuSnapshot after = CpuSnapshot.take(pidA, postmaster);
        Duration bAfter = cpu(pidB);
        long endMillis = System.currentTimeMillis();
        double ticks = CpuSnapshot.TICKS_PER_SECOND * seconds;
        ImportPhase.Cores cores = new ImportPhase.Cores((after.keycloak() - before.keycloak()) / ticks,
                (bAfter.toNanos() - bBefore.toNanos()) / 1e9 / seconds, (after.postgres() - before.postgres()) / ticks,
                toolCpu.toNanos() / 1e9 / seconds, (after.machineBusy() - before.machineBusy()) / ticks);
        Files.deleteIfExists(file);
        List<String> summary = Files.readAllLines(log).stream().filter(line -> line.startsWith("  ")).toList();
        CreationTimeline timeline;
        try (Connection connection = database.connect()) {
            timeline = CreationTimeline.read(connection, startMillis, "%." + tag + "-%");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the phase's timeline from PostgreSQL", e);
        }
        return new ImportPhase("phase " + number, nodes, records, process.exitValue(), seconds, timeline.created(),
                count(summary, "updated"), count(summary, "unchanged"), timeline.perSecond(),
                timeline.longestGapMillis(), timeline.gapAtSeconds(), cores, loadBefore, loadavg(), startMillis, endMillis, summary);
    }

    private static long count(List<String> summary, String name) {
        for (String line : summary) {
            String trimmed = line.trim();
            if (trimmed.startsWith(name + " ")) {
                String digits = trimmed.replaceAll("^[a-z ]+: *([0-9,]+).*$", "$1").replace(",", "");
                return digits.matches("[0-9]+") ? Long.parseLong(digits) : 0;
            }
        }
        return 0;
    }

    private static Duration cpu(long pid) {
        if (pid <= 0) {
            return Duration.ZERO;
        }
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static void awaitLine(Path log, Pattern line, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Files.exists(log) && Files.readAllLines(log).stream().anyMatch(l -> line.matcher(l).find())) {
                    return;
                }
            } catch (IOException | UncheckedIOException notYet) {
                // being written
            }
            Pause.of(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("no line " + line + " in " + log + " within " + timeout);
    }

    static String loadavg() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String describe(ImportPhase phase) {
        return String.format(Locale.ROOT, "%s, %d node(s): exit %d, %,.0f records/s over %.1f s (created %,d, updated"
                        + " %,d, unchanged %,d); first 10%% %,.0f/s, last 10%% %,.0f/s; longest stall %,.0f ms; cores:"
                        + " keycloak A %.2f, B %.2f, postgres %.2f, tool %.2f, machine %.2f; load %s -> %s",
                phase.name(), phase.nodes(), phase.exitCode(), phase.rate(), phase.seconds(), phase.created(),
                phase.updated(), phase.unchanged(), phase.rateOf(true, 0.1), phase.rateOf(false, 0.1),
                phase.longestStallMillis(), phase.cores().keycloakA(), phase.cores().keycloakB(),
                phase.cores().postgres(), phase.cores().tool(), phase.cores().machine(), phase.loadBefore(),
                phase.loadAfter());
    }

    private String summary(List<ImportPhase> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Import run ").append(label).append(" (").append(Instant.now()).append(")\n\n");
        out.append("records per phase: ").append(String.format(Locale.ROOT, "%,d", records))
                .append("; JDBC parameters: ").append(dbParams.isEmpty() ? "none" : dbParams)
                .append("; tool arguments: ").append(toolArgs.isEmpty() ? "defaults" : String.join(" ", toolArgs))
                .append("\n\n");
        out.append("| phase | nodes | records/s | seconds | first 10% | last 10% | stall ms | KC A | KC B | PG | tool "
                + "| busy | load before | load after |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (ImportPhase p : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f"
                            + " | %.2f | %.2f | %s | %s |\n", p.name(), p.nodes(), p.rate(), p.seconds(),
                    p.rateOf(true, 0.1), p.rateOf(false, 0.1), p.longestStallMillis(), p.cores().keycloakA(),
                    p.cores().keycloakB(), p.cores().postgres(), p.cores().tool(), p.cores().machine(),
                    p.loadBefore(), p.loadAfter()));
        }
        double one = results.stream().filter(p -> p.nodes() == 1).mapToDouble(ImportPhase::rate).average().orElse(0);
        double two = results.stream().filter(p -> p.nodes() == 2).mapToDouble(ImportPhase::rate).average().orElse(0);
        if (one > 0 && two > 0) {
            out.append(String.format(Locale.ROOT, "%ntwo nodes / one node: %.2f%n", two / one));
        }
        return out.toString();
    }

    private static void say(String message) {
        System.out.println("[import-run] " + message);
    }
}
