package io.customerauth.it.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.customerauth.importer.Main;
import io.customerauth.importer.cli.SampleHashes;
import io.customerauth.it.harness.Api;

/**
 * Runs the import tool against the test server: in-process through its {@code Main.run}, or as a separate JVM (for
 * the kill -9 test). Every run gets the server URL and the harness's admin login; generated files get a unique email
 * tag, so tests sharing the server never see each other's customers.
 */
final class ImportTool {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The exit code and what the tool printed. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + "\n" + err;
        }
    }

    /** One generated customer: what the test needs to find it and log in. */
    record Generated(String email, String customerId, String password) {
    }

    private final Api api;
    private final Path dir;

    ImportTool(Api api) {
        this.api = api;
        try {
            this.dir = Files.createTempDirectory("import-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code import-customers --server <test server> --progress none <args>}. */
    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", api.serverUrl(), "--progress", "none"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), Map.of("KEYCLOAK_ADMIN_PASSWORD", "admin"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The same command in its own JVM, started and left running. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--server", api.serverUrl(), "--progress", "plain"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process-" + UUID.randomUUID() + ".log").toFile());
        builder.environment().put("KEYCLOAK_ADMIN_PASSWORD", "admin");
        return builder.start();
    }

    /** A generated export: the file, and the tag every email in it contains ({@code first.last.<tag>-<n>@...}). */
    record Export(Path file, String tag) {
        /** A SQL LIKE pattern matching the emails of this export. */
        String emailPattern() {
            return "%." + tag + "-%";
        }
    }

    /** A generated export of {@code count} customers whose emails all contain a fresh tag. */
    Export generate(int count, int hashedPercent, int invalidPercent) {
        Path file = dir.resolve("export-" + UUID.randomUUID() + ".json");
        String tag = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Run run = run("generate", "--count", Integer.toString(count), "--hashed-percent", Integer.toString(hashedPercent),
                "--invalid-percent", Integer.toString(invalidPercent), "--email-tag", tag,
                "--seed", Long.toString(System.nanoTime()), "--output", file.toString());
        if (run.exitCode() != 0) {
            throw new AssertionError("generate failed: " + run);
        }
        return new Export(file, tag);
    }

    /** A file with exactly these records. */
    Path write(String json) {
        Path file = dir.resolve("export-" + UUID.randomUUID() + ".json");
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The customers of a generated file, with the password of their hash (null without one). */
    static List<Generated> customers(Path file) {
        try {
            List<Generated> customers = new ArrayList<>();
            for (JsonNode record : JSON.readTree(file.toFile())) {
                String hash = record.path("password_hash").asText(null);
                String password = SampleHashes.ALL.stream().filter(sample -> sample.hash().equals(hash))
                        .map(SampleHashes.Sample::password).findFirst().orElse(null);
                customers.add(new Generated(record.path("email").asText(), record.path("customer_id").asText(),
                        password));
            }
            return customers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path report() {
        return dir.resolve("report-" + UUID.randomUUID() + ".json");
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
