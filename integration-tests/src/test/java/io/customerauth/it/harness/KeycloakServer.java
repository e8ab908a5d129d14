package io.customerauth.it.harness;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Keycloak node, run as a child process from its own installation ({@link KeycloakDistribution#installNode}) the
 * way production runs it: {@code kc.sh start --optimized} with the production options ({@link ProductionOptions}), the
 * project's {@code config/keycloak.conf} (the seed's log format), HTTP on loopback, the realm imported. Its log file
 * and its console output ({@code it-run/<name>-console.log}) are in the same format.
 */
final class KeycloakServer implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    /**
     * The loopback address the reverse proxy connects to Keycloak from ({@code proxy_bind}): the only address whose
     * {@code X-Forwarded-*} headers Keycloak trusts. The tests call from 127.0.0.1, so a header they forge is ignored.
     */
    static final String PROXY_ADDRESS = "127.0.0.2";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path consoleLog;
    private final Thread killOnExit;

    private KeycloakServer(String name, Process process, int httpPort, int managementPort, Path consoleLog) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.consoleLog = consoleLog;
        this.killOnExit = new Thread(() -> killTree(process), "kill-" + name + "-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a node and returns at once ({@link #awaitReady()} waits): the options every node takes, then this
     * deployment's own ({@code --hostname}, the cache's network options).
     */
    static KeycloakServer launch(String name, Path home, Path logFile, HarnessSettings settings,
                                 TestDatabase database, int smtpPort, List<String> deploymentOptions) {
        int httpPort = FreePorts.next();
        int managementPort = FreePorts.next();
        Path consoleLog = settings.workDir().resolve(name + "-console.log");
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + database.user(),
                "--db-password=" + database.password()));
        command.addAll(ProductionOptions.START);
        command.addAll(List.of(
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--proxy-trusted-addresses=" + PROXY_ADDRESS,
                "--import-realm",
                "--log=console,file",
                "--log-file=" + logFile,
                "--log-file-rotation-enabled=false",
                "--log-level=INFO"));
        command.addAll(deploymentOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
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
        try {
            Files.createDirectories(settings.workDir());
            Files.deleteIfExists(logFile);
            return new KeycloakServer(name, builder.start(), httpPort, managementPort, consoleLog);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
    }

    /** Waits until {@code /health/ready} answers 200; stops the node and fails if it does not in time. */
    KeycloakServer awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak " + name + " exited with " + process.exitValue()
                        + " while starting:\n" + tail(consoleLog));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
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
        throw new IllegalStateException("Keycloak " + name + " was not ready within " + STARTUP_TIMEOUT + ":\n"
                + tail(consoleLog));
    }

    /** Waits for a line of the node's console output that matches, e.g. the cluster view it must reach. */
    void awaitConsoleLine(Pattern pattern, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Stream<String> lines = Files.lines(consoleLog)) {
                if (lines.anyMatch(line -> pattern.matcher(line).find())) {
                    return;
                }
            } catch (IOException | UncheckedIOException notYet) {
                // not written yet
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak " + name + " wrote no line matching " + pattern + " within "
                + timeout + ":\n" + tail(consoleLog));
    }

    /** {@code kill -9}: the JVM (the child of kc.sh) and kc.sh itself, with no chance to leave the cluster politely. */
    void kill() {
        killTree(process);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive() || process.descendants().anyMatch(ProcessHandle::isAlive);
    }

    String name() {
        return name;
    }

    /** An admin client of the master realm's bootstrap admin, talking to this node. */
    Keycloak adminClient() {
        return KeycloakBuilder.builder()
                .serverUrl(baseUrl())
                .realm("master")
                .clientId("admin-cli")
                .username(ADMIN_USER)
                .password(ADMIN_PASSWORD)
                .build();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The management interface: {@code /health}, {@code /metrics}. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static String tail(Path file) {
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
                killTree(process);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }
}
