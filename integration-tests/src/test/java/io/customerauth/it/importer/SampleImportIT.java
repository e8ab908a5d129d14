package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;

/** import-tool/samples/customer_export.json against the real server, twice, as its README promises. */
@CustomerAuthIT
class SampleImportIT {

    private static final Path SAMPLE = Path.of(System.getProperty("customerauth.import.sample"));

    private final ImportTool tool;
    private final Database database;

    SampleImportIT(Api api, Database database) {
        this.tool = new ImportTool(api);
        this.database = database;
    }

    @Test
    void importsTheValidCustomersOfTheSampleThenFindsThemUnchangedOnASecondRun() {
        Path report = tool.report();

        ImportTool.Run first = tool.run("--report", report.toString(), SAMPLE.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
        assertThat(first.out()).contains("writer: bulk", "records read : 40", "created      : 30",
                "rejected     : 10", "failed       : 0");
        JsonNode summary = ImportTool.json(report).path("summary");
        assertThat(summary.path("created").asInt()).isEqualTo(30);
        assertThat(summary.path("rejected").asInt()).isEqualTo(10);
        assertThat(StreamSupport.stream(ImportTool.json(report).path("records").spliterator(), false)
                .map(record -> record.path("index").asInt() + " " + record.path("reason").asText()))
                .contains("3 customer_id: not a UUID", "6 country: not an ISO 3166-1 alpha-2 code",
                        "9 language: not an ISO 639-1 code", "12 email: invalid email address",
                        "15 email: duplicate of record 0", "18 customer_id: duplicate of record 1",
                        "21 country: missing", "27 record is not a JSON object")
                .hasSize(10);
        assertThat(database.single("select count(*) from user_entity u join realm r on r.id = u.realm_id "
                + "where r.name = 'customers' and u.email like '%@example.com' and u.email in (" + sampleEmails() + ")"))
                .isEqualTo(30L);

        assertStoredAsAVerifiedEnabledUserWithItsAttributes();

        ImportTool.Run second = tool.run(SAMPLE.toString());

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
        assertThat(second.out()).contains("created      : 0", "updated      : 0", "unchanged    : 30",
                "rejected     : 10");
    }

    /** Record 38: email, country and language normalized; the names and customer_id as given. */
    private void assertStoredAsAVerifiedEnabledUserWithItsAttributes() {
        Map<String, Object> user = database.query("select u.id, u.username, u.email, u.email_verified, u.enabled, "
                + "u.first_name, u.last_name from user_entity u join realm r on r.id = u.realm_id "
                + "where r.name = 'customers' and u.email = 'carlos.mendes@example.com'").get(0);
        assertThat(user).containsEntry("username", "carlos.mendes@example.com")
                .containsEntry("email_verified", true).containsEntry("enabled", true)
                .containsEntry("first_name", "Carlos").containsEntry("last_name", "Mendes");
        List<Map<String, Object>> attributes = database.query(
                "select name, value from user_attribute where user_id = ? order by name", user.get("id"));
        assertThat(attributes).extracting(row -> row.get("name") + "=" + row.get("value"))
                .containsExactly("country=PT", "customer_id=3e98c4f6-40e1-4c96-9f1c-9935719f9212", "language=pt");
    }

    private static String sampleEmails() {
        return StreamSupport.stream(ImportTool.json(SAMPLE).spliterator(), false)
                .filter(JsonNode::isObject)
                .map(record -> "'" + record.path("email").asText().toLowerCase().replace("'", "''") + "'")
                .reduce((a, b) -> a + "," + b).orElseThrow();
    }
}
