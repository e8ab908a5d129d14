package io.customerauth.bench.imports;

import io.customerauth.bench.stack.KeycloakProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pack's import tool as an operator runs it, {@code bin/import-customers}, in its own JVM: its output goes to
 * a log file; the process is returned so that its memory can be watched while it runs.
 */
public final class ImportTool {

    private final Path launcher;
    private final String keycloakUrl;

    public ImportTool(Path projectRoot, String keycloakUrl) {
        this.launcher = projectRoot.resolve("bin/import-customers");
        this.keycloakUrl = keycloakUrl;
    }

    /** Starts the tool with these JVM options and arguments; stdout and stderr go to {@code log}. */
    public Process start(String javaOpts, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_OPTS", javaOpts);
        env.put("KEYCLOAK_URL", keycloakUrl);
        env.put("KEYCLOAK_ADMIN_USER", KeycloakProcess.ADMIN_USER);
        env.put("KEYCLOAK_ADMIN_PASSWORD", KeycloakProcess.ADMIN_PASSWORD);
        env.put("KEYCLOAK_IMPORT_PROGRESS", "plain");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + launcher, e);
        }
    }

    /** Runs the tool to its end; a non-zero exit code is a failed run. */
    public void run(String javaOpts, Path log, String... args) {
        Process process = start(javaOpts, log, args);
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("bin/import-customers " + String.join(" ", args) + " exited with "
                        + exit + "; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
