package io.customerauth.it.faults;

import io.customerauth.it.harness.KeycloakCluster;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An import through a load balancer in front of both nodes, and one node killed ({@code kill -9}) part-way: the
 * import must finish through the other node, and the database then hold exactly the file's customers.
 */
final class NodeKillImportScenario {

    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);

    private NodeKillImportScenario() {
    }

    static FaultReport.Section run(FaultRun run, FaultReport report, int records) throws IOException, SQLException,
            InterruptedException {
        KeycloakCluster cluster = run.cluster();
        FaultReport.Section section = report.section("A node killed during an import");
        FaultRun.log(section.title() + " (" + records + " records)");
        Path dir = FaultRun.resultsDir().resolve("work");
        ImportToolProcess.Export export = ImportToolProcess.generate(dir, records, 20);
        Path log = dir.resolve("node-kill-import.log");
        long started;
        long killedAt;
        long imported;
        long killedAfter;
        Process tool;
        try (LoopbackBalancer balancer = LoopbackBalancer.start(List.of(cluster.a().httpPorts().get(0),
                cluster.b().httpPorts().get(0)));
             Connection database = cluster.connectDatabase()) {
            started = System.currentTimeMillis();
            tool = ImportToolProcess.start(balancer.url(), export.file(), log);
            run.ourProcess(tool.pid());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            killedAfter = ImportToolProcess.imported(database, export);
            while (killedAfter < export.valid() / 4 && tool.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                killedAfter = ImportToolProcess.imported(database, export);
            }
            cluster.a().kill();
            killedAt = System.currentTimeMillis();
            FaultRun.log("killed " + cluster.a().name() + " with " + killedAfter + " of " + export.valid()
                    + " customers written");
            boolean ended = tool.waitFor(IMPORT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                tool.destroyForcibly();
            }
            imported = ImportToolProcess.imported(database, export);
            long end = System.currentTimeMillis();
            int[] compared = new int[1];
            List<String> differences = ImportToolProcess.compare(database, export,
                    Math.max(1, (int) (export.valid() / 500)), compared);

            Samples all = run.load().samples();
            Samples survivor = all.between(killedAt, end).node(cluster.b().name());
            section.text(String.format("The import tool (`-Xmx256m`, its defaults: batches of 500, 2 in flight, 5 "
                    + "retries with backoff) imported a generated file of %,d customers (20%% with a password hash) "
                    + "through a TCP load balancer on loopback in front of both nodes, under the load of %.1f "
                    + "requests/s. %s was killed with `kill -9` once %,d customers were in the database, %.1f s "
                    + "into the import.", export.valid(), run.rate(), cluster.a().name(), killedAfter,
                    (killedAt - started) / 1e3));
            section.table(List.of("figure", "value"), List.of(
                    List.of("tool's exit code", ended ? Integer.toString(tool.exitValue()) : "still running: killed"),
                    List.of("import time", Figures.f1((end - started) / 1e3) + " s, of which "
                            + Figures.f1((end - killedAt) / 1e3) + " s after the kill"),
                    List.of("customers in the database / in the file", imported + " / " + export.valid()),
                    List.of("records compared field by field (every " + Math.max(1, export.valid() / 500) + "th)",
                            compared[0] + ", differences: " + differences.size()),
                    List.of("load on " + cluster.b().name() + " after the kill", Figures.statuses(survivor)
                            + ", p99 " + Figures.ms(survivor.percentile(99)))));
            section.text("The tool's last lines:\n\n```\n" + ImportToolProcess.tail(log, 14) + "\n```");
            if (!differences.isEmpty()) {
                section.text("First differences: " + String.join("; ", differences.subList(0,
                        Math.min(5, differences.size()))));
            }
            section.text("Machine: " + run.machine().describe(started, end) + ".");
            section.check("the import finishes through the other node", ended && tool.exitValue() == 0,
                    ended ? "exit " + tool.exitValue() : "did not end in " + IMPORT_TIMEOUT.toMinutes() + " min");
            section.check("the database holds exactly the file's customers", imported == export.valid(),
                    imported + " of " + export.valid());
            section.check("a sample compared record by record is equal", differences.isEmpty() && compared[0] > 0,
                    compared[0] + " compared, " + differences.size() + " differ");
            section.check("no 5xx from the surviving node", survivor.count(Sample::serverError) == 0,
                    survivor.count(Sample::serverError) + " 5xx");
        }
        return section;
    }
}
