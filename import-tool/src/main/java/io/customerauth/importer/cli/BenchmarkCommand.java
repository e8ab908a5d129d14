package io.customerauth.importer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.customerauth.importer.ExitCode;
import io.customerauth.importer.keycloak.AdminClient;
import io.customerauth.importer.keycloak.BatchWriter;
import io.customerauth.importer.keycloak.BulkImportWriter;
import io.customerauth.importer.keycloak.PartialImportWriter;
import io.customerauth.importer.keycloak.ServerException;
import io.customerauth.importer.keycloak.SingleUserWriter;
import io.customerauth.importer.keycloak.Writers;
import io.customerauth.importer.run.ImportOptions;
import io.customerauth.importer.run.Importer;
import io.customerauth.importer.run.Progress;
import io.customerauth.importer.run.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark}: imports freshly generated customers through each write path, on the same server in the same
 * run, and prints records/s side by side. Every phase uses its own email tag, so nothing is skipped.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
        description = {"Measures import speed: the pack's bulk endpoint (--count customers without and with "
                + "password hashes), Keycloak's partialImport (--compare-count) and the admin API one user at a "
                + "time (--single-count), against the same server. It writes real users into the realm: run it on "
                + "a disposable server (bin/dev --db postgres)."},
        footerHeading = "%nExample:%n",
        footer = "  JAVA_OPTS=-Xmx256m bin/import-customers benchmark --count 100000")
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--count", paramLabel = "N", description = "Customers per bulk phase, at least "
            + Limits.MIN_BENCHMARK_COUNT + ".")
    private int count;

    @Option(names = "--compare-count", paramLabel = "N", description = "Customers per partialImport phase.")
    private int compareCount;

    @Option(names = "--single-count", paramLabel = "N", description = "Customers per one-at-a-time phase.")
    private int singleCount;

    @Mixin
    private BatchOptions batches;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Customers written through each path first, unmeasured, so the server's JIT and caches are "
                    + "warm (N through bulk, N/4 through partialImport, N/20 one by one).")
    private int warmup;

    @Option(names = "--work-dir", paramLabel = "PATH",
            description = "Where the generated files go (deleted afterwards; without it, a temporary directory).")
    private Path workDir;

    /** The tool: its environment (for the admin password) and its error stream. */
    @ParentCommand
    private ImportCommand tool;

    private record Phase(String name, Function<AdminClient, BatchWriter> writer, int records, int hashedPercent,
                         int batchSize, int concurrency) {
    }

    private record Measured(Phase phase, Summary summary) {
        double rate() {
            return summary.seconds() <= 0 ? 0 : summary.tally().created() / summary.seconds();
        }
    }

    @Override
    public Integer call() throws IOException {
        connection.validate();
        batches.validate();
        Limits.atLeast(spec, "--count", count, Limits.MIN_BENCHMARK_COUNT);
        Limits.atLeast(spec, "--compare-count", compareCount, Limits.MIN_COUNT);
        Limits.atLeast(spec, "--single-count", singleCount, Limits.MIN_COUNT);
        Limits.atLeast(spec, "--warmup", warmup, Limits.MIN_COUNT);
        int concurrency = batches.concurrency();
        PrintWriter out = spec.commandLine().getOut();
        PrintStream err = tool.err();
        AdminClient client;
        BatchWriter bulk;
        try {
            client = AdminClient.connect(connection.settings(tool.env()));
            bulk = Writers.choose(Writers.Choice.AUTO, client);
            if (!(bulk instanceof BulkImportWriter)) {
                err.println("error: the server has no bulk endpoint (is the pack installed?)");
                return ExitCode.SERVER_UNAVAILABLE;
            }
        } catch (ServerException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.SERVER_UNAVAILABLE;
        }
        // Every batched phase uses the same size, within what the bulk endpoint takes, so the table compares alike.
        int batchSize = Math.min(batches.batchSize(), bulk.maxBatchSize());
        List<Phase> phases = List.of(
                new Phase("bulk endpoint, no password", BulkImportWriter::new, count, 0, batchSize, concurrency),
                new Phase("bulk endpoint, pre-hashed passwords", BulkImportWriter::new, count, 100, batchSize,
                        concurrency),
                new Phase("Keycloak partialImport, no password", PartialImportWriter::new, compareCount, 0, batchSize,
                        concurrency),
                new Phase("Keycloak partialImport, pre-hashed passwords", PartialImportWriter::new, compareCount, 100,
                        batchSize, concurrency),
                new Phase("admin API one user per request, no password", SingleUserWriter::new, singleCount, 0, 1, 1),
                new Phase("admin API one user per request, pre-hashed", SingleUserWriter::new, singleCount, 100, 1, 1));
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("import-benchmark");
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Phase> warmups = List.of(
                new Phase("warm-up: bulk endpoint", BulkImportWriter::new, warmup, 50, batchSize, concurrency),
                new Phase("warm-up: partialImport", PartialImportWriter::new, warmup / 4, 50, batchSize, concurrency),
                new Phase("warm-up: one user per request", SingleUserWriter::new, warmup / 20, 50, 1, 1));
        List<Phase> all = new ArrayList<>(warmups);
        all.addAll(phases);
        List<Measured> results = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < all.size(); i++) {
            Phase phase = all.get(i);
            if (phase.records() == 0) {
                continue;
            }
            Path file = dir.resolve("phase-" + i + ".json");
            new SyntheticCustomers(run.hashCode() + i, "bench-" + run + "-" + i, phase.hashedPercent(), 0)
                    .write(file, phase.records());
            err.printf(Locale.ROOT, "%n== %s: %,d customers%n", phase.name(), phase.records());
            ImportOptions options = new ImportOptions(file, phase.batchSize(), phase.concurrency(), false, null,
                    Progress.Mode.PLAIN);
            Summary summary = new Importer(options, phase.writer().apply(client), null,
                    connection.server().toString(), connection.realm(), err).run();
            Files.deleteIfExists(file);
            if (i >= warmups.size()) {
                results.add(new Measured(phase, summary));
            }
            failures += summary.tally().failed() + summary.tally().rejected() + summary.tally().skipped()
                    + summary.tally().updated() + summary.tally().unchanged() > 0 ? 1 : 0;
        }
        if (workDir == null) {
            Files.deleteIfExists(dir);
        }
        print(out, results);
        return failures == 0 ? ExitCode.OK : ExitCode.PARTIAL_FAILURE;
    }

    private void print(PrintWriter out, List<Measured> results) {
        out.println();
        out.printf(Locale.ROOT, "Import benchmark: %s, realm %s; client: %d CPUs, Java %s, max heap %d MiB; "
                        + "after a warm-up of %,d customers%n", connection.server(), connection.realm(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), warmup);
        out.println();
        out.println("| write path | batch x concurrency | customers | created | seconds | customers/s |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: |");
        for (Measured measured : results) {
            Phase phase = measured.phase();
            Summary summary = measured.summary();
            out.printf(Locale.ROOT, "| %s | %d x %d | %,d | %,d | %.1f | %,.0f |%n", phase.name(), phase.batchSize(),
                    phase.concurrency(), summary.tally().read(), summary.tally().created(), summary.seconds(),
                    measured.rate());
        }
        out.flush();
    }
}
