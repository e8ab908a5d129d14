package io.customerauth.it.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Docker CLI, as a user types it: {@code docker ...} and {@code docker compose ...} run as processes, their output
 * kept. The container ITs need a running Docker engine: without one they are skipped with one line, except under CI
 * ({@code CI=true}), where that is a failure ({@code .ci/run} installs and starts one).
 */
final class Docker {

    /** What a command printed (stdout and stderr together) and how it ended. */
    record Result(int exitCode, String output) {
        Result orFail(String what) {
            if (exitCode != 0) {
                fail(what + " failed with exit code " + exitCode + ":\n" + tail(output, 60));
            }
            return this;
        }
    }

    private static final Duration PROBE = Duration.ofSeconds(30);

    private Docker() {
    }

    /** Skips the calling test class where no Docker engine answers; fails instead under CI. */
    static void requireEngine() {
        if (run(PROBE, Map.of(), null, "docker", "info", "--format", "{{.ServerVersion}}").exitCode() == 0) {
            return;
        }
        String message = "no Docker engine answers `docker info` (Debian: apt-get install docker.io, then start"
                + " dockerd), so the container tests cannot run here";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ": under CI (CI=true) that is a failure; .ci/run starts one");
        }
        System.out.println("[container ITs] skipped: " + message + " (under CI=true this fails instead)");
        Assumptions.abort(message + ": skipped (under CI=true this fails instead)");
    }

    static Result docker(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return run(timeout, Map.of(), null, command.toArray(String[]::new));
    }

    /** Runs a command in {@code directory} (or here) with these environment variables added; never throws on exit. */
    static Result run(Duration timeout, Map<String, String> environment, Path directory, String... command) {
        Path output = null;
        try {
            output = Files.createTempFile("docker-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, Files.readString(output) + "\n(killed after " + timeout + ")");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
