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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.customerauth.bench.measure.CpuSnapshot;
import io.customerauth.bench.measure.JfrProfile;
import io.customerauth.bench.report.Environment;
import io.customerauth.bench.report.ImportRunReport;
import io.customerauth.bench.stack.BenchDatabase;
import io.customerauth.bench.stack.FreePort;
import io.customerauth.bench.stack.KeycloakProcess;
import io.customerauth.bench.stack.MailSink;
import io.customerauth.bench.stack.Pause;
import io.customerauth.dev.stack.KeycloakEnvFile;

/**
 * The import alone, on one node and on a two-node cluster in the same run: PostgreSQL (fsync on), Keycloak nodes in
 * production mode with their clustered caches on loopback, and the import tool writing one generated file (20%
 * hashed) per phase through node A. Phases run in the order asked, each {@code NODES[:model][@RECORDS]}: {@code 1,2,1}
 * is node A alone, then with node B in the cluster, then alone again with B stopped, so the cluster's cost is measured
 * between two one-node figures on the same, growing table. Writes {@code <date>-<machine>-import-<label>/report.md}.
 *
 * <p>System properties: {@code bench.import.records} (per phase without {@code @}), {@code bench.import.phases},
 * {@code bench.import.dbParams} (added to Keycloak's JDBC URL), {@code bench.import.pgSettings} (PostgreSQL settings,
 * {@code name=value,..}), {@code bench.import.toolArgs},
 * {@code bench.import.label}; the paths and the machine's name as for the whole bench.
 */
public final class ImportRun {

    private static final Pattern TWO_MEMBERS = Pattern.compile("ISPN000094: Received new cluster view .*\\(2\\)");
    private static final String TOOL_HEAP = "-Xmx256m";

    /** One phase as asked: node count, store, records. */
    record Spec(int nodes, String store, int records) {
        static Spec parse(String text, int defaultRecords) {
            String[] sizes = text.trim().split("@");
            String[] parts = sizes[0].split(":");
            return new Spec(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "auto",
                    sizes.length > 1 ? Integer.parseInt(sizes[1]) : defaultRecords);
        }
    }

    private final Path root;
    private final Path dist;
    private final Path work;
    private final List<Spec> phases;
    private final String dbParams;
    /** PostgreSQL settings on top of the defaults, {@code bench.import.pgSettings} as {@code name=value,..}. */
    private final Map<String, String> pgSettings;
    private final List<String> toolArgs;
    private final String label;
    private final Path results;
    private final String machine;
    private final String keycloakVersion;

    private ImportRun() {
        root = Path.of(System.getProperty("bench.projectRoot")).toAbsolutePath().normalize();
        dist = Path.of(System.getProperty("bench.keycloakDist")).toAbsolutePath().normalize();
        work = Path.of(System.getProperty("bench.workDir")).toAbsolutePath().normalize().resolve("import-run");
        int records = Integer.parseInt(System.getProperty("bench.import.records", "50000"));
        phases = Arrays.stream(System.getProperty("bench.import.phases", "1,2,1").split(","))
                .map(spec -> Spec.parse(spec, records)).toList();
        dbParams = System.getProperty("bench.import.dbParams", "");
        pgSettings = new LinkedHashMap<>();
        for (String setting : System.getProperty("bench.import.pgSettings", "").split(",")) {
            if (setting.contains("=")) {
                pgSettings.put(setting.substring(0, setting.indexOf('=')).trim(),
                        setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        String args = System.getProperty("bench.import.toolArgs", "").trim();
        toolArgs = args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
        label = System.getProperty("bench.import.label", "run");
        results = Path.of(System.getProperty("bench.results", root.resolve("bench/results").toString()));
        machine = System.getProperty("bench.machine", "");
        keycloakVersion = System.getProperty("bench.keycloakVersion", "");
    }

    public static void main(String[] args) throws Exception {
        new ImportRun().run();
        System.exit(0);
    }

    private void run() throws IOException {
        Files.createDirectories(work);
        say("building Keycloak (kc.sh build " + String.join(" ", KeycloakInstall.BUILD_OPTIONS) + ")");
        Path envFile = root.resolve(KeycloakEnvFile.PATH);
        KeycloakInstall install = KeycloakInstall.build(dist, envFile, work.resolve("build.log"));
        say("starting PostgreSQL (fsync on)");
        List<ImportPhase> done = new ArrayList<>();
        Environment environment;
        try (BenchDatabase database = BenchDatabase.start(work.resolve("postgres-data"), pgSettings);
             MailSink mail = MailSink.start()) {
            environment = Environment.describe(machine, keycloakVersion, database.describe());
            long postmaster = Long.parseLong(Files.readAllLines(work.resolve("postgres-data/postmaster.pid")).get(0)
                    .trim());
            String jdbc = database.jdbcUrl() + (dbParams.isEmpty() ? "" : "?" + dbParams);
            KeycloakProcess.Setup setupA = setup(install, "node-a", envFile, jdbc, mail.port());
            KeycloakProcess.Setup setupB = setup(install, "node-b", envFile, jdbc, mail.port());
            say("starting node A");
            KeycloakProcess a = KeycloakProcess.startClusterNode(setupA);
            KeycloakProcess b = null;
            List<Measured> measured = new ArrayList<>();
            try {
                ImportTool tool = new ImportTool(root, a.baseUrl());
                for (int i = 0; i < phases.size(); i++) {
                    Spec spec = phases.get(i);
                    if (spec.nodes() == 2 && b == null) {
                        say("starting node B");
                        b = KeycloakProcess.startClusterNode(setupB);
                        awaitLine(a.logFile(), TWO_MEMBERS, Duration.ofMinutes(3));
                    } else if (spec.nodes() == 1 && b != null) {
                        say("stopping node B");
                        b.close();
                        b = null;
                    }
                    Measured phase = phase(i + 1, spec, tool, database, a.pid(), b == null ? -1 : b.pid(),
                            postmaster);
                    measured.add(phase);
                    say(describe(phase.withProfiles(Map.of())));
                }
            } finally {
                if (b != null) {
                    b.close();
                }
                a.close();
            }
            for (Measured phase : measured) {
                Map<String, JfrProfile.Profile> profiles = new LinkedHashMap<>();
                JfrProfile.Span span = new JfrProfile.Span(phase.start(), phase.end());
                profiles.put("A", JfrProfile.read(setupA.flightRecording(), Map.of("phase", List.of(span))).get("phase"));
                if (phase.spec().nodes() == 2) {
                    profiles.put("B", JfrProfile.read(setupB.flightRecording(), Map.of("phase", List.of(span)))
                            .get("phase"));
                }
                done.add(phase.withProfiles(profiles));
            }
        }
        Path report = new ImportRunReport(environment, results, label, dbParams, toolArgs, done).write();
        say("report: " + report);
    }

    /** A phase as measured, its profiles read once every node has written its recording. */
    private record Measured(Spec spec, long start, long end, java.util.function.Function<Map<String,
            JfrProfile.Profile>, ImportPhase> build) {
        ImportPhase withProfiles(Map<String, JfrProfile.Profile> profiles) {
            return build.apply(profiles);
        }
    }

    private KeycloakProcess.Setup setup(KeycloakInstall install, String node, Path envFile,
                                        String jdbc, int smtp) throws IOException {
        Path home = install.node(work.resolve("nodes/" + node));
        Path nodeWork = Files.createDirectories(work.resolve(node));
        Files.deleteIfExists(nodeWork.resolve("keycloak.jfr"));
        return new KeycloakProcess.Setup(home, envFile, nodeWork, jdbc, smtp, FreePort.next());
    }

    private Measured phase(int number, Spec spec, ImportTool tool, BenchDatabase database, long pidA, long pidB,
                           long postmaster) throws IOException {
        String tag = "p" + number + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Path file = work.resolve("phase-" + number + ".json");
        Path log = work.resolve("phase-" + number + ".log");
        Path gcLog = work.resolve("phase-" + number + "-gc.log");
        Files.deleteIfExists(log);
        Files.deleteIfExists(gcLog);
        tool.run(TOOL_HEAP, log, "generate", "--count", Integer.toString(spec.records()), "--hashed-percent",
                Integer.toString(ImportBench.HASHED_PERCENT), "--email-tag", tag, "--seed",
                Integer.toString(20261203 + number), "--output", file.toString());
        String loadBefore = Environment.loadAverage();
        say(String.format(Locale.ROOT, "phase %d: %,d records into %d node(s), store %s; load %s", number,
                spec.records(), spec.nodes(), spec.store(), loadBefore));
        List<String> args = new ArrayList<>(toolArgs);
        args.addAll(List.of("--store", spec.store(), file.toString()));
        long keycloakBefore = CpuSnapshot.residentBytes(pidA).orElse(0);
        long keycloakPeak = keycloakBefore;
        long toolPeak = 0;
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        CpuSnapshot before = CpuSnapshot.take(pidA, postmaster);
        Duration bBefore = cpu(pidB);
        Process process = tool.start(TOOL_HEAP + " -Xlog:gc:file=" + gcLog, log, args.toArray(String[]::new));
        Duration toolCpu = Duration.ZERO;
        try {
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                toolCpu = process.toHandle().info().totalCpuDuration().orElse(toolCpu);
                toolPeak = Math.max(toolPeak, CpuSnapshot.memory(process.pid(), "VmHWM").orElse(0));
                keycloakPeak = Math.max(keycloakPeak, CpuSnapshot.residentBytes(pidA).orElse(0));
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
        ImportPhase.Memory memory = new ImportPhase.Memory(ImportBench.peakHeap(gcLog), toolPeak, keycloakBefore,
                keycloakPeak);
        Files.deleteIfExists(file);
        List<String> summary = ImportBench.summary(log);
        CreationTimeline timeline;
        try (Connection connection = database.connect()) {
            timeline = CreationTimeline.read(connection, startMillis, "%." + tag + "-%");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the phase's timeline from PostgreSQL", e);
        }
        String loadAfter = Environment.loadAverage();
        int exit = process.exitValue();
        return new Measured(spec, startMillis, endMillis, profiles -> new ImportPhase(number, spec.nodes(),
                spec.store(), spec.records(), exit, seconds, count(summary, "updated"), count(summary, "unchanged"),
                timeline, cores, memory, loadBefore, loadAfter, startMillis, endMillis, summary, profiles));
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

    private static String describe(ImportPhase phase) {
        return String.format(Locale.ROOT, "%s: exit %d, %,.0f records/s over %.1f s (created %,d, updated %,d,"
                        + " unchanged %,d); longest stall %,.0f ms; cores: keycloak A %.2f, B %.2f, postgres %.2f,"
                        + " tool %.2f, machine %.2f; load %s -> %s",
                phase.name(), phase.exitCode(), phase.rate(), phase.seconds(), phase.created(), phase.updated(),
                phase.unchanged(), phase.timeline().longestGapMillis(), phase.cores().keycloakA(),
                phase.cores().keycloakB(), phase.cores().postgres(), phase.cores().tool(), phase.cores().machine(),
                phase.loadBefore(), phase.loadAfter());
    }

    private static void say(String message) {
        System.out.println("[import-run] " + message);
    }
}
