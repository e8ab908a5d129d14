package io.customerauth.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.customerauth.importer.ExitCode;
import io.customerauth.importer.Main;
import io.customerauth.importer.keycloak.FakeKeycloak;

class BenchmarkCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REALM = "/admin/realms/customers";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream processErr = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>(Map.of("KEYCLOAK_ADMIN_PASSWORD", "secret"));
    private FakeKeycloak keycloak;
    private PrintStream systemErr;

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
        systemErr = System.err;
        System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(systemErr);
        keycloak.close();
    }

    @Test
    void printsItsPhasesAndTableOnlyToTheStreamsItIsGiven() {
        keycloak.serveTheBulkEndpoint(1000);
        keycloak.answer(REALM + "/partialImport", BenchmarkCommandTest::partialImportAddsAll);
        keycloak.answer(REALM + "/users", request -> new FakeKeycloak.Answer(201, ""));

        int code = run("benchmark", "--server", keycloak.url().toString(), "--count", "4", "--compare-count", "2",
                "--single-count", "1", "--warmup", "0", "--batch-size", "2");

        assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
        assertThat(stderr()).contains("== bulk endpoint, no password: 4 customers",
                "== admin API one user per request, pre-hashed: 1 customers");
        assertThat(stdout()).contains("| write path | batch x concurrency |",
                "| bulk endpoint, pre-hashed passwords | 2 x 2 | 4 | 4 |");
        assertThat(processErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void measuresWithBatchesNoLargerThanTheServerTakes() {
        keycloak.serveTheBulkEndpoint(3);

        int code = run("benchmark", "--server", keycloak.url().toString(), "--count", "7", "--compare-count", "0",
                "--single-count", "0", "--warmup", "0", "--batch-size", "1000");

        assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
        assertThat(keycloak.bulkBatchSizes).isNotEmpty().allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(3));
        assertThat(stdout()).contains("| bulk endpoint, no password | 3 x 2 | 7 | 7 |");
    }

    @Test
    void saysOnTheGivenStreamWhenTheServerHasNoBulkEndpoint() {
        keycloak.answer(REALM, request -> new FakeKeycloak.Answer(200, "{\"realm\":\"customers\"}"));

        int code = run("benchmark", "--server", keycloak.url().toString());

        assertThat(code).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
        assertThat(stderr()).contains("error: the server has no bulk endpoint");
        assertThat(processErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void saysOnTheGivenStreamWhenTheAdminLoginIsRefused() {
        env.put("KEYCLOAK_ADMIN_PASSWORD", "wrong");

        int code = run("benchmark", "--server", keycloak.url().toString());

        assertThat(code).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
        assertThat(stderr()).contains("error: Keycloak refused the admin login");
        assertThat(processErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static FakeKeycloak.Answer partialImportAddsAll(FakeKeycloak.Request request) {
        StringBuilder results = new StringBuilder();
        try {
            for (JsonNode user : MAPPER.readTree(request.body()).get("users")) {
                results.append(results.length() == 0 ? "" : ",").append("{\"action\":\"ADDED\",\"resourceType\":"
                        + "\"USER\",\"resourceName\":\"").append(user.get("username").asText()).append("\"}");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new FakeKeycloak.Answer(200, "{\"results\":[" + results + "]}");
    }

    private int run(String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
