package io.customerauth.dev.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One child process under supervision: started from a {@link ProcessBuilder} with its output in a log file, waited
 * for until it is ready (a log line, an HTTP 200) while failing at once, with the end of its log, when it exits, and
 * stopped with its whole process tree. Used by {@code bin/dev} ({@code DevStack}) for Keycloak, the mail catcher and
 * PostgreSQL; made for the integration-test harness too ({@code kc.sh start ...}, then {@code /health/ready}).
 *
 * <pre>{@code
 * SupervisedProcess keycloak = SupervisedProcess.start("Keycloak", new ProcessBuilder(kcSh, "start", ...), consoleLog);
 * keycloak.awaitHttpOk(URI.create("http://127.0.0.1:9000/health/ready"), Duration.ofMinutes(5));
 * ...
 * keycloak.stop(Duration.ofSeconds(60));
 * }</pre>
 */
public final class SupervisedProcess implements AutoCloseable {

    /** How many lines of the log a {@link ProcessNotReadyException} carries. */
    public static final int TAIL_LINES = 40;
    /** The grace of {@link #close()}. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path log;

    private SupervisedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the builder's command with its output and errors in {@code log} (created or emptied) and an empty input.
     * The builder's command, directory and environment are used as they are.
     *
     * @param name what to call the process in messages, e.g. "Keycloak"
     */
    public static SupervisedProcess start(String name, ProcessBuilder builder, Path log) throws IOException {
        Path parent = log.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        return new SupervisedProcess(name, process, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, once the process has exited. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Completes when the process exits, for whatever reason. */
    public CompletableFuture<SupervisedProcess> onExit() {
        return process.onExit().thenApply(exited -> this);
    }

    /** The last lines of the log, for messages. */
    public String tail(int lines) {
        return LogTail.lastLines(log, lines);
    }

    /**
     * Waits until the log has a line in which {@code line} is found (from the start of the log, so a line printed
     * before this call counts).
     *
     * @throws ProcessNotReadyException when the process exits first, or after {@code timeout}
     */
    public void awaitLogLine(Pattern line, Duration timeout) {
        LogScanner scanner = new LogScanner(log);
        await("a line matching '" + line + "' in its log", timeout, () -> scanner.hasLine(line));
    }

    /**
     * Waits until {@code GET uri} answers 200.
     *
     * @throws ProcessNotReadyException when the process exits first, or after {@code timeout}
     */
    public void awaitHttpOk(URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build();
        await("200 from " + uri, timeout, () -> Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200);
    }

    private void await(String what, Duration timeout, ReadyCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean alive = process.isAlive();
            if (isReady(check)) {
                return;
            }
            if (!alive) {
                throw new ProcessNotReadyException(name + " exited with status " + process.exitValue()
                        + " while waiting for " + what, name, OptionalInt.of(process.exitValue()), log,
                        tail(TAIL_LINES));
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ProcessNotReadyException(name + " was not ready within " + timeout.toSeconds()
                        + " s (waiting for " + what + ")", name, OptionalInt.empty(), log, tail(TAIL_LINES));
            }
            pause();
        }
    }

    private static boolean isReady(ReadyCheck check) {
        try {
            return check.ready();
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a process to be ready", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a process to be ready", e);
        }
    }

    /**
     * Stops the process and everything it started: SIGTERM, up to {@code grace} for it to exit, SIGTERM to what it
     * left behind, then SIGKILL to whatever of the tree still runs when the grace is over. Returns at once when the
     * process has already exited.
     *
     * @return true when the process exited within the grace, false when it had to be killed
     */
    public boolean stop(Duration grace) {
        return ProcessTree.stop(process.toHandle(), grace);
    }

    /**
     * {@link #stop(Duration)} for any process, e.g. one a killed supervisor left running (see
     * {@link ProcessRecord#running()}).
     */
    public static boolean stopTree(ProcessHandle root, Duration grace) {
        return ProcessTree.stop(root, grace);
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    @Override
    public String toString() {
        return name + " (PID " + pid() + ")";
    }

    @FunctionalInterface
    private interface ReadyCheck {
        boolean ready() throws IOException, InterruptedException;
    }

    /** One client for every probe, made on first use. */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }
}
