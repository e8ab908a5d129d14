package io.customerauth.it.harness;

import io.customerauth.dev.process.ProcessNotReadyException;
import io.customerauth.dev.process.SupervisedProcess;
import io.customerauth.dev.stack.KeycloakEnvFile;
import io.customerauth.dev.stack.KeycloakJvm;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

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
    /** Five minutes, or {@code -Dcustomerauth.startTimeoutSeconds}: a first start on a saturated machine takes longer. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(
            Long.getLong("customerauth.startTimeoutSeconds", 300));

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final String name;
    private final SupervisedProcess process;
    private final int httpPort;
    private final int managementPort;
    private final Thread killOnExit;

    private KeycloakServer(String name, SupervisedProcess process, int httpPort, int managementPort) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.killOnExit = new Thread(this::kill, "kill-" + name + "-on-exit");
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
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(KeycloakEnvFile.read(settings.keycloakEnv()));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.put("SMTP_FROM", "no-reply@customers.test");
        try {
            Files.createDirectories(settings.workDir());
            Files.deleteIfExists(logFile);
            return new KeycloakServer(name, SupervisedProcess.start("Keycloak " + name, builder, consoleLog), httpPort,
                    managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
    }

    /** The options of the node's JVM as the operating system started it. */
    public List<String> jvmArguments() {
        ProcessHandle java = KeycloakJvm.under(process.handle());
        return java.info().arguments().map(List::of).orElseThrow(() -> new IllegalStateException(
                "the operating system does not show the arguments of " + java.pid()));
    }

    /** Waits until {@code /health/ready} answers 200; stops the node and fails if it does not in time. */
    KeycloakServer awaitReady() {
        try {
            process.awaitHttpOk(URI.create(managementUrl() + "/health/ready"), STARTUP_TIMEOUT);
            return this;
        } catch (ProcessNotReadyException notReady) {
            close();
            throw new IllegalStateException("Keycloak " + name + " did not get ready: " + notReady.getMessage(),
                    notReady);
        }
    }

    /** Waits for a line of the node's console output that matches, e.g. the cluster view it must reach. */
    void awaitConsoleLine(Pattern pattern, Duration timeout) {
        try {
            process.awaitLogLine(pattern, timeout);
        } catch (ProcessNotReadyException notThere) {
            throw new IllegalStateException("Keycloak " + name + " wrote no line matching " + pattern + ": "
                    + notThere.getMessage(), notThere);
        }
    }

    /** {@code kill -9}: the JVM (the child of kc.sh) and kc.sh itself, with no chance to leave the cluster politely. */
    void kill() {
        ProcessHandle root = process.handle();
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        root.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(timedOut -> root).join();
    }

    /** The node's JVM (not kc.sh): where its memory, threads and file descriptors are. */
    long jvmPid() {
        return KeycloakJvm.under(process.handle()).pid();
    }

    /** The node's console output, where Keycloak logs its cluster views. */
    Path consoleLog() {
        return process.log();
    }

    int httpPort() {
        return httpPort;
    }

    int managementPort() {
        return managementPort;
    }

    boolean isAlive() {
        return process.isAlive() || process.handle().descendants().anyMatch(ProcessHandle::isAlive);
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

    @Override
    public void close() {
        process.stop(STOP_GRACE);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }
}
