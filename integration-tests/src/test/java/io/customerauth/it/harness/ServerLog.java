package io.customerauth.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The server's log file of this run ({@code test.log}), for tests that assert what was or was not logged. */
public final class ServerLog {

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<String> lines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return String.join("\n", lines());
    }
}
