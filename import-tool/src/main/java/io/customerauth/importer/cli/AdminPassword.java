package io.customerauth.importer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The admin password: from {@code --admin-password-file} (its first line), else from the environment variable
 * {@value #VARIABLE}, else {@value #DEV_DEFAULT} (the dev stack's). Never from a command-line flag, where it would
 * show in the process list and the shell history.
 */
final class AdminPassword {

    static final String VARIABLE = "KEYCLOAK_ADMIN_PASSWORD";
    static final String DEV_DEFAULT = "admin";

    private AdminPassword() {
    }

    static String resolve(Path file, Map<String, String> env) throws IOException {
        if (file != null) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = content.lines().findFirst().orElse("");
            if (firstLine.isEmpty()) {
                throw new IOException("The admin password file " + file + " is empty");
            }
            return firstLine;
        }
        String fromEnv = env.get(VARIABLE);
        return fromEnv == null || fromEnv.isEmpty() ? DEV_DEFAULT : fromEnv;
    }
}
