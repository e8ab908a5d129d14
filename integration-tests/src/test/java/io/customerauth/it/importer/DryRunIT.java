package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;

@CustomerAuthIT
class DryRunIT {

    private final ImportTool tool;
    private final Database database;

    DryRunIT(Api api, Database database) {
        this.tool = new ImportTool(api);
        this.database = database;
    }

    @Test
    void aDryRunAsksTheServerAndWritesNothing() {
        ImportTool.Export export = tool.generate(200, 50, 10);
        long usersBefore = (Long) database.single("select count(*) from user_entity");

        ImportTool.Run run = tool.run("--dry-run", export.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("Dry run", "nothing was written", "records read : 200", "(would be created)");
        assertThat(database.single("select count(*) from user_entity where email like ?", export.emailPattern()))
                .isEqualTo(0L);
        assertThat(database.single("select count(*) from user_entity")).isEqualTo(usersBefore);
    }
}
