package io.customerauth.bench.stack;

import io.customerauth.dev.stack.KeycloakEnvFile;
import io.customerauth.dev.stack.KeycloakJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real Keycloak distribution in production mode ({@code kc.sh start}), on loopback ports, as an operator runs
 * it; Maven has put the pack's jars in its {@code providers/} and the realm file in {@code data/import/}
 * (bench/pom.xml). Its environment starts from {@code config/keycloak.env}, as everywhere the project runs Keycloak.
 * The Flight Recorder runs from the start ({@code JAVA_OPTS_APPEND}, the profiling settings) and
 * writes its file when Keycloak stops: no attach, which a loaded machine can refuse.
 */
public final class KeycloakProcess implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(12);

    /** Where Keycloak is and what it runs against. */
    public record Setup(Path dist, Path envFile, Path workDir, String jdbcUrl, int smtpPort, int httpPort) {
        /** Where the Flight Recorder writes when Keycloak stops. */
        public Path flightRecording() {
            return workDir.resolve("keycloak.jfr");
        }
    }

    private final Process process;
    private final Setup setup;
    private final Thread killOnExit;
    private boolean closed;

    private KeycloakProcess(Process process, Setup setup) {
        this.process = process;
        this.setup = setup;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-keycloak-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public static KeycloakProcess start(Setup setup) {
        return start(setup, List.of("start", "--db=postgres", "--health-enabled=true", "--cache=local"));
    }

    /**
     * A node of a production cluster: {@code kc.sh start --optimized} in an installation built beforehand
     * ({@code kc.sh build --db=postgres --health-enabled=true}), with Keycloak's default clustered caches (the
     * {@code jdbc-ping} stack, members found through the shared database) on a loopback port of its own.
     */
    public static KeycloakProcess startClusterNode(Setup setup) {
        return start(setup, List.of("start", "--optimized", "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + FreePort.next()));
    }

    private static KeycloakProcess start(Setup setup, List<String> mode) {
        int management = FreePort.next();
        List<String> command = new java.util.ArrayList<>(List.of(setup.dist().resolve("bin/kc.sh").toString()));
        command.addAll(mode);
        command.addAll(List.of(
                "--db-url=" + setup.jdbcUrl(), "--db-username=postgres", "--db-password=",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + setup.httpPort(),
                "--http-management-port=" + management, "--hostname-strict=false", "--import-realm",
                "--log=file", "--log-file=" + setup.workDir().resolve("keycloak.log"), "--log-level=INFO"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(setup.dist().toFile())
                .redirectErrorStream(true)
                .redirectOutput(setup.workDir().resolve("keycloak-console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(KeycloakEnvFile.read(setup.envFile()));
        env.put("JAVA_OPTS_APPEND", env.getOrDefault("JAVA_OPTS_APPEND", "")
                + " -XX:StartFlightRecording=name=bench,settings=profile,dumponexit=true,filename="
                + setup.flightRecording());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(setup.smtpPort()));
        env.put("SMTP_FROM", "no-reply@customers.bench");
        KeycloakProcess keycloak;
        try {
            keycloak = new KeycloakProcess(builder.start(), setup);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
        keycloak.awaitReady(management);
        return keycloak;
    }

    private void awaitReady(int managementPort) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting;"
                        + " see " + setup.workDir().resolve("keycloak-console.log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            Pause.of(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP_TIMEOUT);
    }

    /** Keycloak's log file (the seed's format). */
    public Path logFile() {
        return setup.workDir().resolve("keycloak.log");
    }

    /** Keycloak's console output (its log goes to a file of its own). */
    public Path consoleLog() {
        return setup.workDir().resolve("keycloak-console.log");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + setup.httpPort();
    }

    /** The JVM's pid (not kc.sh's). */
    public long pid() {
        return KeycloakJvm.under(process.toHandle()).pid();
    }

    /** Stops Keycloak as an operator would (SIGTERM), and kills it if it is not gone within a minute. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException slow) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!Thread.currentThread().isInterrupted()) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
