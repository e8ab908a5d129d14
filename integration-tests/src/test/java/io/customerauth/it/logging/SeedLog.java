package io.customerauth.it.logging;

import io.customerauth.it.harness.ServerLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads the server's log as seed-format lines. Lines reach the file a moment after the answer at worst, so every
 * read polls for a few seconds before it gives up.
 */
public final class SeedLog {

    /** The file name ({@code %F}) of the pack's request lines; Keycloak's own lines name their own files. */
    static final String SCOPE_FILE = "RequestLogScope.java";

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final Supplier<List<String>> rawLines;
    private final String name;

    private SeedLog(Supplier<List<String>> rawLines, String name) {
        this.rawLines = rawLines;
        this.name = name;
    }

    /** {@code test.log}, the log file of this run. */
    public static SeedLog of(ServerLog log) {
        return new SeedLog(log::lines, log.file().toString());
    }

    /** The server's console output of this run ({@code it-run/keycloak-console.log}). */
    static SeedLog console() {
        Path file = Path.of(System.getProperty("customerauth.work.dir"), "keycloak-console.log");
        return new SeedLog(() -> {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, file.toString());
    }

    /** A fresh request id for one request of a test, so its lines can be told from every other request's. */
    static String newRequestId(String test) {
        return test + "-" + UUID.randomUUID();
    }

    List<String> raw() {
        return rawLines.get();
    }

    List<SeedLine> parsed() {
        return raw().stream().map(SeedLine::parse).flatMap(Optional::stream).toList();
    }

    /**
     * The pack's lines of one request (its access line, and its warning or error if any), once there are
     * {@code expected} of them and, a moment later, still no more.
     */
    public List<SeedLine> linesOf(String requestId, int expected) {
        return await(requestId, expected, true);
    }

    /** Every line that carries this request's id, the pack's and Keycloak's own (e.g. its event lines). */
    List<SeedLine> everyLineOf(String requestId, int atLeast) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (linesOf(requestId, false).size() < atLeast && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
        sleep(SETTLE);
        return linesOf(requestId, false);
    }

    private List<SeedLine> await(String requestId, int expected, boolean packOnly) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<SeedLine> lines = linesOf(requestId, packOnly);
        while (lines.size() < expected && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
            lines = linesOf(requestId, packOnly);
        }
        sleep(SETTLE);
        lines = linesOf(requestId, packOnly);
        if (lines.size() != expected) {
            throw new AssertionError("expected " + expected + " lines of request " + requestId + " in " + name
                    + ", found " + lines.size() + ":\n"
                    + String.join("\n", lines.stream().map(Object::toString).toList()));
        }
        return lines;
    }

    private List<SeedLine> linesOf(String requestId, boolean packOnly) {
        return parsed().stream()
                .filter(line -> line.requestId().equals(requestId))
                .filter(line -> !packOnly || line.file().equals(SCOPE_FILE))
                .toList();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
