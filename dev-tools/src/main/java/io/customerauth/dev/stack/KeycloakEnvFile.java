package io.customerauth.dev.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code config/keycloak.env}: the environment Keycloak gets wherever the project starts it (docker compose reads it
 * as an {@code env_file}; bin/dev, the integration tests and the benchmark through this class). The format is
 * compose's: {@code KEY=VALUE} per line, the value taken as it stands, {@code #} lines and blank lines skipped.
 */
public final class KeycloakEnvFile {

    /** Where the file is in the repository. */
    public static final String PATH = "config/keycloak.env";

    private KeycloakEnvFile() {
    }

    public static Map<String, String> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(PATH + " line " + (i + 1) + " is not KEY=VALUE: " + line);
            }
            environment.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return environment;
    }
}
