package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;

/** An import killed with SIGKILL part-way, then run again, ends with exactly the valid unique customers. */
@CustomerAuthIT
class ResumeIT {

    private final ImportTool tool;
    private final Database database;

    ResumeIT(Api api, Database database) {
        this.tool = new ImportTool(api);
        this.database = database;
    }

    @Test
    void aRunKilledPartWayIsFinishedByTheNextRun() throws Exception {
        ImportTool.Export export = tool.generate(3000, 20, 5);
        ImportTool.Run validation = tool.run("--validate-only", export.file().toString());
        long valid = Long.parseLong(validation.out().replaceAll("(?s).*valid +: ([0-9,]+).*", "$1").replace(",", ""));
        assertThat(valid).isBetween(2800L, 2900L);

        Process killed = tool.start("--batch-size", "25", "--concurrency", "2", export.file().toString());
        long before = awaitSomeImported(export, killed);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long afterKill = imported(export);
        assertThat(afterKill).as("customers written before the kill").isPositive().isLessThan(valid);
        assertThat(before).isLessThanOrEqualTo(afterKill);

        ImportTool.Run rerun = tool.run(export.file().toString());

        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(3);
        assertThat(rerun.out()).contains("failed       : 0");
        assertThat(imported(export)).isEqualTo(valid);
        assertThat(database.single("select count(distinct a.value) from user_attribute a join user_entity u "
                + "on u.id = a.user_id where a.name = 'customer_id' and u.email like ?", export.emailPattern()))
                .isEqualTo(valid);
        ImportTool.Run third = tool.run(export.file().toString());
        assertThat(third.out()).contains("created      : 0", "updated      : 0",
                "unchanged    : " + String.format(java.util.Locale.ROOT, "%,d", valid));
    }

    private long awaitSomeImported(ImportTool.Export export, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long count = imported(export);
        while (count < 100 && process.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            count = imported(export);
        }
        assertThat(process.isAlive()).as("the import is still running when killed").isTrue();
        return count;
    }

    private long imported(ImportTool.Export export) {
        return (Long) database.single("select count(*) from user_entity u join realm r on r.id = u.realm_id "
                + "where r.name = 'customers' and u.email like ?", export.emailPattern());
    }

}
