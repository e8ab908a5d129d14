package io.customerauth.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution, run as a child process with the pack installed and the realm imported.
 * Started once per Maven run with the project's {@code config/keycloak.conf} (the seed's log format); its log is the
 * run's {@code test.log}, and its console output, in the same format, {@code it-run/keycloak-console.log}.
 */
final class KeycloakServer implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path consoleLog;
    private final Thread killOnExit;

    private KeycloakServer(Process process, int httpPort, int managementPort, Path consoleLog) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.consoleLog = consoleLog;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-keycloak-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static KeycloakServer start(HarnessSettings settings, TestDatabase database, int smtpPort) {
        installPack(settings);
        int httpPort = FreePorts.next();
        int managementPort = FreePorts.next();
        Path consoleLog = settings.workDir().resolve("keycloak-console.log");
        List<String> command = new ArrayList<>(List.of(
                settings.keycloakDist().resolve("bin/kc.sh").toString(), "start",
                "--db=postgres",
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + database.user(),
                "--db-password=" + database.password(),
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--health-enabled=true",
                "--metrics-enabled=true",
                "--cache=local",
                "--import-realm",
                "--log=console,file",
                "--log-file=" + settings.testLog(),
                "--log-file-rotation-enabled=false",
                "--log-level=INFO"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.keycloakDist().toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_CONFIG_FILE", settings.keycloakConfig().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.put("SMTP_FROM", "no-reply@customers.test");
        Process process;
        try {
            Files.deleteIfExists(settings.testLog());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
        KeycloakServer server = new KeycloakServer(process, httpPort, managementPort, consoleLog);
        server.awaitReady();
        return server;
    }

    /**
     * Our jars into providers/, the realm file into data/import/, the password denylists into
     * data/password-blacklists/ (where Keycloak's {@code passwordBlacklist} policy looks): exactly what an operator does.
     */
    private static void installPack(HarnessSettings settings) {
        try {
            Files.createDirectories(settings.workDir());
            Path providers = Files.createDirectories(settings.keycloakDist().resolve("providers"));
            try (DirectoryStream<Path> old = Files.newDirectoryStream(providers, "customer-auth-*.jar")) {
                for (Path jar : old) {
                    Files.delete(jar);
                }
            }
            try (Stream<Path> jars = Files.list(settings.packJars())) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path imports = Files.createDirectories(settings.keycloakDist().resolve("data/import"));
            Files.copy(settings.realmFile(), imports.resolve(settings.realmFile().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            Path denylists = Files.createDirectories(settings.keycloakDist().resolve("data/password-blacklists"));
            try (DirectoryStream<Path> lists = Files.newDirectoryStream(settings.passwordBlacklists(), "*.txt")) {
                for (Path list : lists) {
                    Files.copy(list, denylists.resolve(list.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the pack into " + settings.keycloakDist(), e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting:\n"
                        + tail(consoleLog));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the management interface is not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP_TIMEOUT + ":\n" + tail(consoleLog));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The management interface: {@code /health}, {@code /metrics}. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }
}
