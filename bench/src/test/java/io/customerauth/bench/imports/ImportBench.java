package io.customerauth.bench.imports;

import io.customerauth.bench.BenchConfig;
import io.customerauth.bench.measure.CpuSnapshot;
import io.customerauth.bench.stack.BenchDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import tool on a generated file of {@code importRecords} customers (20% with password hashes) into
 * PostgreSQL, all the way, at {@code -Xmx256m}; its comparison paths (Keycloak's partialImport and the admin API one
 * user at a time) on samples, through the tool's own {@code benchmark} subcommand. While the import runs, the
 * tool's and Keycloak's resident memory is read every second; afterwards the database says when each customer was
 * created, which gives records/s over time and the longest stall; the tool's GC log gives its peak heap.
 */
public final class ImportBench {

    public static final int HASHED_PERCENT = 20;
    public static final String TOOL_HEAP = "-Xmx256m";
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** One comparison row of the tool's benchmark subcommand. */
    public record PathRate(String path, String batches, long customers, long created, double seconds, double rate) {
    }

    /** What the import did. */
    public record Result(long records, int exitCode, double seconds, long created, double startupSeconds,
                         double[] seconds1s,
                         double[] perSecond, double longestStallMillis, double stallAtSeconds, double peakHeapMiB,
                         long toolPeakRss, long keycloakRssBefore, long keycloakPeakRss, long keycloakRssAfter,
                         double generateSeconds, List<PathRate> comparison, List<String> toolSummary,
                         long startEpochMillis, long endEpochMillis, Cores cores) {
        public double rate() {
            return seconds <= 0 ? 0 : created / seconds;
        }
    }

    /** The CPU of each process while the import ran, in cores (this machine's CPUs, busy). */
    public record Cores(double keycloak, double postgres, double tool, double machine) {
        static Cores between(CpuSnapshot before, CpuSnapshot after, Duration toolCpu) {
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            double ticks = CpuSnapshot.TICKS_PER_SECOND * seconds;
            return new Cores((after.keycloak() - before.keycloak()) / ticks,
                    (after.postgres() - before.postgres()) / ticks, toolCpu.toNanos() / 1e9 / seconds,
                    (after.machineBusy() - before.machineBusy()) / ticks);
        }
    }

    private final BenchConfig config;
    private final ImportTool tool;
    private final BenchDatabase database;
    private final long keycloakPid;
    private final long postmasterPid;
    private final LongConsumer connectionCheck;

    /** @param connectionCheck called with the tool's pid every few seconds while it imports */
    public ImportBench(BenchConfig config, ImportTool tool, BenchDatabase database, long keycloakPid,
                       long postmasterPid, LongConsumer connectionCheck) {
        this.postmasterPid = postmasterPid;
        this.config = config;
        this.tool = tool;
        this.database = database;
        this.keycloakPid = keycloakPid;
        this.connectionCheck = connectionCheck;
    }

    public Result run() throws IOException {
        Path work = Files.createDirectories(config.workDir().resolve("import"));
        Path file = work.resolve("customers-" + config.importRecords() + ".json");
        Path log = work.resolve("import-tool.log");
        Files.deleteIfExists(log);
        long generateStart = System.nanoTime();
        say("generating " + config.importRecords() + " customers (" + HASHED_PERCENT + "% hashed)");
        tool.run(TOOL_HEAP, log, "generate", "--count", Integer.toString(config.importRecords()), "--hashed-percent",
                Integer.toString(HASHED_PERCENT), "--seed", "20261202", "--output", file.toString());
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;

        say("partialImport and one-by-one samples (the tool's benchmark subcommand)");
        Path comparisonLog = work.resolve("import-benchmark.log");
        Files.deleteIfExists(comparisonLog);
        int sample = config.partialImportSample();
        tool.run(TOOL_HEAP, comparisonLog, "benchmark", "--count", Integer.toString(sample), "--compare-count",
                Integer.toString(sample), "--single-count", Integer.toString(sample / 10), "--warmup",
                Integer.toString(sample / 5), "--work-dir", work.resolve("benchmark-files").toString());
        List<PathRate> comparison = comparisonRows(comparisonLog);

        say("importing " + config.importRecords() + " customers into PostgreSQL with the tool at " + TOOL_HEAP);
        Path gcLog = work.resolve("import-gc.log");
        Files.deleteIfExists(gcLog);
        long keycloakBefore = CpuSnapshot.residentBytes(keycloakPid).orElse(0);
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        CpuSnapshot cpuBefore = CpuSnapshot.take(keycloakPid, postmasterPid);
        Process process = tool.start(TOOL_HEAP + " -Xlog:gc:file=" + gcLog, log, file.toString());
        long toolPeak = 0;
        long keycloakPeak = keycloakBefore;
        Duration toolCpu = Duration.ZERO;
        try {
            for (int second = 0; !process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS); second++) {
                if (second % 5 == 0) {
                    connectionCheck.accept(process.pid());
                }
                toolCpu = process.toHandle().info().totalCpuDuration().orElse(toolCpu);
                toolPeak = Math.max(toolPeak, CpuSnapshot.memory(process.pid(), "VmHWM").orElse(0));
                keycloakPeak = Math.max(keycloakPeak, CpuSnapshot.residentBytes(keycloakPid).orElse(0));
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuSnapshot cpuAfter = CpuSnapshot.take(keycloakPid, postmasterPid);
        long endMillis = System.currentTimeMillis();
        long keycloakAfter = CpuSnapshot.residentBytes(keycloakPid).orElse(0);
        Files.deleteIfExists(file);
        CreationTimeline timeline = timeline(startMillis);
        return new Result(config.importRecords(), process.exitValue(), seconds, timeline.created(),
                (timeline.firstMillis() - startMillis) / 1000.0, timeline.seconds(), timeline.perSecond(),
                timeline.longestGapMillis(), timeline.gapAtSeconds(), peakHeap(gcLog), toolPeak, keycloakBefore, keycloakPeak,
                keycloakAfter, generateSeconds, comparison, summary(log), startMillis, endMillis,
                Cores.between(cpuBefore, cpuAfter, toolCpu));
    }

    /** Customers created per second since the import's first one, and the longest stall (from PostgreSQL). */
    private CreationTimeline timeline(long processStartMillis) {
        try (Connection connection = database.connect()) {
            return CreationTimeline.read(connection, processStartMillis, "%");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the import's timeline from PostgreSQL", e);
        }
    }

    /** The largest heap occupancy before a collection, in MiB, from the unified GC log. */
    static double peakHeap(Path gcLog) {
        try {
            double peak = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = GC_LINE.matcher(line);
                if (matcher.find()) {
                    peak = Math.max(peak, Double.parseDouble(matcher.group(1)));
                }
            }
            return peak;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The rows of the markdown table the benchmark subcommand prints. */
    static List<PathRate> comparisonRows(Path log) {
        List<PathRate> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log)) {
                String[] cells = line.split("\\|");
                if (cells.length < 7 || !cells[2].contains(" x ") || !cells[3].trim().matches("[0-9,]+")) {
                    continue;
                }
                rows.add(new PathRate(cells[1].trim(), cells[2].trim(), number(cells[3]), number(cells[4]),
                        Double.parseDouble(cells[5].trim()), number(cells[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The tool's closing summary: the lines after its last progress line. */
    static List<String> summary(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> summary = new ArrayList<>();
            for (int i = lines.size() - 1; i >= 0 && summary.size() < 12; i--) {
                String line = lines.get(i);
                if (line.contains("records/s  ETA")) {
                    break;
                }
                summary.add(0, line);
            }
            return summary;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long number(String cell) {
        return Long.parseLong(cell.trim().replace(",", ""));
    }

    private static void say(String message) {
        System.out.println(String.format(Locale.ROOT, "[bench] %s", message));
    }
}
