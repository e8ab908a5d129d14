package io.customerauth.it.faults;

import io.customerauth.it.harness.KeycloakCluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The import tool on a big generated file, its resident memory read every five seconds: it must stay flat. */
final class ImportSoakScenario {

    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private ImportSoakScenario() {
    }

    static FaultReport.Section run(FaultRun run, FaultReport report, int records) throws IOException, SQLException,
            InterruptedException {
        KeycloakCluster cluster = run.cluster();
        KeycloakCluster.Node node = cluster.b();
        FaultReport.Section section = report.section(String.format("Import soak: %,d records", records));
        FaultRun.log(section.title());
        run.load().rate(0.5);
        Path dir = FaultRun.resultsDir().resolve("work");
        ImportToolProcess.Export export = ImportToolProcess.generate(dir, records, 20);
        Path log = dir.resolve("import-soak.log");
        long started = System.currentTimeMillis();
        Process tool = ImportToolProcess.start(node.api().serverUrl(), export.file(), log);
        run.ourProcess(tool.pid());
        ProcessGauges gauges = new ProcessGauges(tool.pid(), java.util.OptionalDouble::empty);
        List<ProcessGauges.Reading> readings = new ArrayList<>();
        while (!tool.waitFor(5, TimeUnit.SECONDS)) {
            ProcessGauges.Reading reading = gauges.read();
            if (Double.isFinite(reading.rssMiB())) {
                readings.add(reading);
            }
            if (System.currentTimeMillis() - started > TIMEOUT.toMillis()) {
                tool.destroyForcibly().waitFor();
                break;
            }
        }
        long end = System.currentTimeMillis();
        long imported;
        try (Connection database = cluster.connectDatabase()) {
            imported = ImportToolProcess.imported(database, export);
        }
        Files.deleteIfExists(export.file());
        double seconds = (end - started) / 1e3;
        List<ProcessGauges.Reading> steady = readings.stream().filter(r -> r.epochMillis() - started > 60_000).toList();
        double slope = Figures.slopePerHour(steady, ProcessGauges.Reading::epochMillis, ProcessGauges.Reading::rssMiB);
        double peak = readings.stream().mapToDouble(ProcessGauges.Reading::rssMiB).max().orElse(Double.NaN);
        double firstSteady = steady.isEmpty() ? Double.NaN : steady.get(0).rssMiB();
        double lastSteady = steady.isEmpty() ? Double.NaN : steady.get(steady.size() - 1).rssMiB();
        report.writeChart("import-rss.svg", new Chart("Import tool RSS, " + String.format("%,d", records)
                + " records", "minutes", "MiB").series("RSS", readings.stream().map(r -> new double[] {
                        (r.epochMillis() - started) / 60_000.0, r.rssMiB()}).toList()).svg());
        section.text(String.format("The import tool (`-Xmx256m`, defaults) against %s alone, the mixed load turned "
                + "down to 0.5 requests/s meanwhile: %,d of %,d customers written in %.0f s (%.0f/s).", node.name(),
                imported, export.valid(), seconds, imported / seconds));
        section.table(List.of("tool RSS", "value"), List.of(
                List.of("after the first minute", Figures.f1(firstSteady) + " MiB"),
                List.of("at the end", Figures.f1(lastSteady) + " MiB"),
                List.of("peak", Figures.f1(peak) + " MiB"),
                List.of("slope after the first minute (least squares)", Figures.f1(slope) + " MiB/h"),
                List.of("readings", Integer.toString(readings.size()))));
        section.chart("import-rss.svg", "import tool RSS over time");
        section.text("The tool's last lines:\n\n```\n" + ImportToolProcess.tail(log, 14) + "\n```\n\nMachine: "
                + run.machine().describe(started, end) + ".");
        double growth = slope * (steady.isEmpty() ? 0 : (steady.get(steady.size() - 1).epochMillis()
                - steady.get(0).epochMillis()) / 3_600_000.0);
        section.check("the import ends with every customer written", tool.exitValue() == 0
                && imported == export.valid(), "exit " + tool.exitValue() + ", " + imported + " of " + export.valid());
        section.check("the tool's RSS is flat (fitted growth after the first minute under 10% of it)",
                Double.isFinite(growth) && growth < 0.1 * firstSteady, Figures.f1(growth) + " MiB over the run");
        return section;
    }
}
