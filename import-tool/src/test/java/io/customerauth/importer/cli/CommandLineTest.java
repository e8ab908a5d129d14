package io.customerauth.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

import io.customerauth.importer.ExitCode;
import io.customerauth.importer.Main;
import io.customerauth.importer.keycloak.FakeKeycloak;
import picocli.CommandLine;

class CommandLineTest {

    private static final String RECORD = "{\"email\":\"alice@example.com\",\"customer_id\":"
            + "\"8b4a1343-292d-45ed-ba5f-846fa9167ede\",\"country\":\"FR\",\"language\":\"fr\"}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    @Test
    void showsHelpWithExamplesAndExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);

        assertThat(stdout()).contains("Usage: import-customers", "Examples:", "bin/import-customers customer_export.json",
                "Exit codes:", "KEYCLOAK_ADMIN_PASSWORD", "generate");
    }

    @Test
    void documentsAnEnvironmentVariableForEveryOption() {
        CommandLine commandLine = new CommandLine(new ImportCommand());
        EnvDefaults.install(commandLine, Map.of());
        commandLine.getCommandSpec().subcommands().values().forEach(sub ->
                assertEveryArgumentHasATwin(sub.getCommandSpec()));
        assertEveryArgumentHasATwin(commandLine.getCommandSpec());
    }

    @Test
    void takesOptionsFromTheEnvironment() throws Exception {
        Path file = file("[" + RECORD + "]");
        env.put("KEYCLOAK_IMPORT_BATCH_SIZE", "5000");

        assertThat(run(file.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("--batch-size must be between 1 and 1000");
    }

    @Test
    void aFlagWinsOverItsEnvironmentVariable() throws Exception {
        Path file = file("[" + RECORD + "]");
        env.put("KEYCLOAK_IMPORT_VALIDATE_ONLY", "false");
        env.put("KEYCLOAK_URL", "ftp://files.example.com");

        assertThat(run("--validate-only", "--progress", "none", file.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("--server must be an http(s) URL");
        assertThat(run("--validate-only", "--server", "http://localhost:8080", "--progress", "none",
                file.toString())).isEqualTo(ExitCode.OK);
    }

    @Test
    void readsTheFileFromTheEnvironmentToo() throws Exception {
        env.put("CUSTOMER_EXPORT_FILE", file("[" + RECORD + "]").toString());
        env.put("KEYCLOAK_IMPORT_VALIDATE_ONLY", "true");

        assertThat(run("--progress", "none")).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains("valid        : 1");
    }

    @Test
    void refusesToRunWithoutAFile() {
        assertThat(run()).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("Missing the customer export FILE");
    }

    @Test
    void hasNoFlagForThePassword() throws Exception {
        assertThat(run("--admin-password", "hunter2", file("[]").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("Unknown option");
    }

    @Test
    void validatingOnlyNeedsNoServer() throws Exception {
        Path file = file("[" + RECORD + ",{\"email\":\"bad\"}]");

        int code = run("--validate-only", "--server", "http://127.0.0.1:1", "--progress", "none", file.toString());

        assertThat(code).isEqualTo(ExitCode.REJECTED_RECORDS);
        assertThat(stdout()).contains("Validation of", "valid        : 1", "rejected     : 1");
    }

    @Test
    void saysTheInputIsBadWhenTheFileIsNotAnArray() throws Exception {
        assertThat(run("--validate-only", "--progress", "none", file("{\"users\":[]}").toString()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(stdout()).contains("not a JSON array");
    }

    @Test
    void saysTheServerIsUnreachableWithoutWaitingLong() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        env.put("KEYCLOAK_ADMIN_PASSWORD", "hunter2");
        long start = System.nanoTime();

        int code = run("--server", "http://127.0.0.1:" + port, "--progress", "none", file("[" + RECORD + "]").toString());

        assertThat(code).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
        assertThat(stderr()).contains("Cannot reach Keycloak").doesNotContain("hunter2");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    @Test
    void readsThePasswordFromAFileOrTheEnvironmentOrUsesTheDevDefault() throws Exception {
        Path secret = dir.resolve("password");
        Files.writeString(secret, "s3cret\nignored second line\n");

        assertThat(AdminPassword.resolve(secret, Map.of("KEYCLOAK_ADMIN_PASSWORD", "from-env"))).isEqualTo("s3cret");
        assertThat(AdminPassword.resolve(null, Map.of("KEYCLOAK_ADMIN_PASSWORD", "from-env"))).isEqualTo("from-env");
        assertThat(AdminPassword.resolve(null, Map.of())).isEqualTo("admin");
    }

    @Test
    void generatesAReproducibleFileTheImporterAccepts() throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        assertThat(run("generate", "--count", "200", "--hashed-percent", "100", "--output", first.toString()))
                .isEqualTo(ExitCode.OK);
        env.put("CUSTOMER_GENERATE_COUNT", "200");
        env.put("CUSTOMER_GENERATE_HASHED_PERCENT", "100");
        assertThat(run("generate", "--output", second.toString())).isEqualTo(ExitCode.OK);

        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        for (SampleHashes.Sample sample : SampleHashes.ALL) {
            assertThat(Files.readString(first)).contains(sample.hash());
        }
        assertThat(run("--validate-only", "--progress", "none", first.toString())).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains("valid        : 200");
    }

    @Test
    void generatesInvalidRecordsOnDemand() throws Exception {
        Path file = dir.resolve("mixed.json");
        run("generate", "--count", "1000", "--invalid-percent", "10", "--seed", "3", "--output", file.toString());

        int code = run("--validate-only", "--progress", "none", "--report", dir.resolve("report.json").toString(),
                file.toString());

        assertThat(code).isEqualTo(ExitCode.REJECTED_RECORDS);
        String report = Files.readString(dir.resolve("report.json"));
        assertThat(report).contains("customer_id: not a UUID", "country: not an ISO", "language: not an ISO",
                "email: invalid email address", "email: duplicate of record", "password_hash: unsupported format");
    }

    @Test
    void saysWhichReportFileCannotBeWrittenAndWhy() throws Exception {
        Path file = file("[" + RECORD + "]");

        int code = run("--validate-only", "--progress", "none", "--report", dir.toString(), file.toString());

        assertThat(code).isEqualTo(ExitCode.REPORT_NOT_WRITTEN).isEqualTo(1);
        assertThat(stderr()).contains("error: cannot write the report " + dir + ": Is a directory");
    }

    @Test
    void endsWithTheReportErrorWhenTheDiskFillsUp() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs Linux's /dev/full");
        Path file = dir.resolve("mixed.json");
        run("generate", "--count", "2000", "--invalid-percent", "50", "--output", file.toString());

        int code = run("--validate-only", "--progress", "none", "--report", "/dev/full", file.toString());

        assertThat(code).isEqualTo(ExitCode.REPORT_NOT_WRITTEN);
        assertThat(stderr()).contains("error: cannot write the report /dev/full: No space left on device");
        assertThat(stdout()).contains("report       : cannot write the report /dev/full: No space left on device",
                "exit code    : 1");
    }

    @Test
    void sendsNoBatchLargerThanTheServerSaysItTakes() throws Exception {
        try (FakeKeycloak keycloak = new FakeKeycloak()) {
            keycloak.serveTheBulkEndpoint(2);
            env.put("KEYCLOAK_ADMIN_PASSWORD", "secret");
            Path file = dir.resolve("five.json");
            run("generate", "--count", "5", "--output", file.toString());

            int code = run("--server", keycloak.url().toString(), "--batch-size", "500", "--progress", "none",
                    file.toString());

            assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
            assertThat(keycloak.bulkBatchSizes).containsExactlyInAnyOrder(2, 2, 1);
            assertThat(stderr()).contains("Batches of 2 customers, the most the server takes per request "
                    + "(asked for 500)");
            assertThat(stdout()).contains("created      : 5");
        }
    }

    @Test
    void aReRunCountsUpdatedAndUnchangedCustomersAndReportsTheRealmsCustomersTheFileLacks() throws Exception {
        try (FakeKeycloak keycloak = new FakeKeycloak()) {
            keycloak.serveTheBulkEndpoint(1000);
            keycloak.answer("/admin/realms/customers/customer-import/users", request -> new FakeKeycloak.Answer(200,
                    "{\"store\":\"sql\",\"results\":[{\"status\":\"UPDATED\",\"changes\":[\"email\",\"country\"]},"
                            + "{\"status\":\"UNCHANGED\"},{\"status\":\"UNCHANGED\",\"reason\":\"password: set in "
                            + "Keycloak since the import, kept\"}]}"));
            keycloak.queue("/admin/realms/customers/customer-import/customers", 200, "{\"customers\":["
                    + "{\"customer_id\":\"0c6f2a54-9a51-4d7e-8a3f-2f1d7f6c9e11\",\"id\":\"user-2\"},"
                    + "{\"customer_id\":\"8b4a1343-292d-45ed-ba5f-846fa9167ede\",\"id\":\"user-1\"}],"
                    + "\"next\":\"8b4a1343-292d-45ed-ba5f-846fa9167ede\"}");
            keycloak.queue("/admin/realms/customers/customer-import/customers", 200, "{\"customers\":["
                    + "{\"customer_id\":\"f0000000-0000-4000-8000-000000000001\",\"id\":\"user-9\"}]}");
            env.put("KEYCLOAK_ADMIN_PASSWORD", "secret");
            Path file = file("[" + RECORD + "," + RECORD.replace("alice", "bob").replace("8b4a1343", "1b4a1343")
                    + "," + RECORD.replace("alice", "carol").replace("8b4a1343", "2b4a1343") + "]");
            Path report = dir.resolve("report.json");

            int code = run("--server", keycloak.url().toString(), "--progress", "none", "--report", report.toString(),
                    file.toString());

            assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
            assertThat(stdout()).contains("created      : 0", "updated      : 1", "unchanged    : 2",
                    "missing      : 2 (customers of the realm not in the file");
            assertThat(stderr()).contains("customer 0c6f2a54-9a51-4d7e-8a3f-2f1d7f6c9e11 (user user-2) is in the "
                    + "realm, not in the file");
            assertThat(keycloak.requestsTo("/admin/realms/customers/customer-import/customers"))
                    .extracting(FakeKeycloak.Request::query)
                    .containsExactly("max=5000", "max=5000&after=8b4a1343-292d-45ed-ba5f-846fa9167ede");
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            assertThat(json.path("records")).hasSize(2);
            assertThat(json.path("records").get(0).toString()).isEqualTo("{\"index\":0,\"status\":\"updated\","
                    + "\"reason\":\"\",\"changes\":[\"email\",\"country\"]}");
            assertThat(json.path("records").get(1).path("reason").asText())
                    .isEqualTo("password: set in Keycloak since the import, kept");
            assertThat(json.path("missing").toString()).isEqualTo("[{\"customer_id\":"
                    + "\"0c6f2a54-9a51-4d7e-8a3f-2f1d7f6c9e11\",\"id\":\"user-2\"},{\"customer_id\":"
                    + "\"f0000000-0000-4000-8000-000000000001\",\"id\":\"user-9\"}]");
            assertThat(json.path("summary").path("updated").asInt()).isEqualTo(1);
            assertThat(json.path("summary").path("unchanged").asInt()).isEqualTo(2);
            assertThat(json.path("summary").path("missing").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aDryRunAsksTheServerWhatWouldChangeAndSaysNothingWasWritten() throws Exception {
        try (FakeKeycloak keycloak = new FakeKeycloak()) {
            keycloak.serveTheBulkEndpoint(1000);
            keycloak.answer("/admin/realms/customers/customer-import/customers",
                    request -> new FakeKeycloak.Answer(200, "{\"customers\":[]}"));
            env.put("KEYCLOAK_ADMIN_PASSWORD", "secret");

            int code = run("--dry-run", "--server", keycloak.url().toString(), "--progress", "none",
                    file("[" + RECORD + "]").toString());

            assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
            assertThat(keycloak.requestsTo("/admin/realms/customers/customer-import/users"))
                    .extracting(FakeKeycloak.Request::query).containsExactly("dryRun=true");
            assertThat(stdout()).contains("Dry run of", "nothing was written", "created      : 1 (would be created)",
                    "missing      : 0");
        }
    }

    @Test
    void generatesToStandardOutput() {
        assertThat(run("generate", "--count", "2", "--output", "-")).isEqualTo(ExitCode.OK);

        assertThat(stdout()).startsWith("[\n{\"email\":").endsWith("}\n]\n");
    }

    private static void assertEveryArgumentHasATwin(CommandLine.Model.CommandSpec spec) {
        spec.args().stream()
                .filter(arg -> !arg.isOption() || !((CommandLine.Model.OptionSpec) arg).usageHelp()
                        && !((CommandLine.Model.OptionSpec) arg).versionHelp())
                .forEach(arg -> {
                    EnvDefaults.Twin twin = EnvDefaults.TWINS.get(EnvDefaults.key(arg));
                    assertThat(twin).as("environment twin of %s", EnvDefaults.key(arg)).isNotNull();
                    assertThat(String.join(" ", arg.description())).contains("Env: " + twin.variable());
                });
    }

    private int run(String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String content) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".json");
        Files.writeString(file, content);
        return file;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
