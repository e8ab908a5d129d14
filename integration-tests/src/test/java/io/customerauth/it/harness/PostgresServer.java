package io.customerauth.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The running PostgreSQL server of a run, seen from outside as an operator sees it: its postmaster, stopped with one
 * of PostgreSQL's shutdown modes and started again on the same data directory, port and options (the command line
 * and environment it was started with, read from {@code /proc}, in a user namespace of its own if it ran in one).
 * Linux only, as the embedded server is.
 */
public final class PostgresServer {

    /** PostgreSQL's shutdown modes, by the signal the postmaster takes for each. */
    public enum Shutdown {
        /** {@code pg_ctl stop -m fast}: sessions are ended, a checkpoint is written. */
        FAST("INT"),
        /** {@code pg_ctl stop -m immediate}: everything ends at once; the next start runs crash recovery. */
        IMMEDIATE("QUIT");

        private final String signal;

        Shutdown(String signal) {
            this.signal = signal;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String adminUrl;
    private final String user;
    private final String password;
    private final Path dataDirectory;
    private final List<String> command;
    private final Map<String, String> environment;
    private long postmasterPid;

    private PostgresServer(String adminUrl, String user, String password, Path dataDirectory, long postmasterPid,
                           List<String> command, Map<String, String> environment) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.dataDirectory = dataDirectory;
        this.postmasterPid = postmasterPid;
        this.command = command;
        this.environment = environment;
    }

    static PostgresServer running(String adminUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("SHOW data_directory");
            result.next();
            Path data = Path.of(result.getString(1));
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            List<String> command = new ArrayList<>();
            if (!Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "user"))
                    .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/user")))) {
                // zonky starts PostgreSQL in a user namespace of its own (unshare -U), where root is nobody:
                // PostgreSQL refuses to run as root
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(Arrays.asList(proc(pid, "cmdline").split("\0")));
            Map<String, String> environment = Arrays.stream(proc(pid, "environ").split("\0"))
                    .filter(entry -> entry.contains("="))
                    .collect(Collectors.toMap(entry -> entry.substring(0, entry.indexOf('=')),
                            entry -> entry.substring(entry.indexOf('=') + 1), (first, second) -> second));
            return new PostgresServer(adminUrl, user, password, data, pid, command, environment);
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask PostgreSQL where its data is", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long postmasterPid() {
        return postmasterPid;
    }

    /** Stops the server with this mode and returns once its postmaster has exited. */
    public void stop(Shutdown mode) {
        run(List.of("kill", "-" + mode.signal, Long.toString(postmasterPid)));
        ProcessHandle.of(postmasterPid).ifPresent(postmaster -> postmaster.onExit().orTimeout(TIMEOUT.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS).join());
    }

    /** Starts the server again as it was started before, and returns once it accepts connections. */
    public void start() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDirectory.resolveSibling(dataDirectory.getFileName() + "-restarts.log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            postmasterPid = builder.start().pid();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
        awaitAccepting();
    }

    /** Waits until a connection succeeds (after crash recovery, where there is one). */
    public void awaitAccepting() {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(adminUrl, user, password)) {
                return;
            } catch (SQLException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL accepted no connection within " + TIMEOUT, notYet);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static String proc(long pid, String file) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), file)), StandardCharsets.UTF_8);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
