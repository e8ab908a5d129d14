package io.customerauth.dev.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** How bin/dev's children are launched. */
public final class ChildLaunch {

    private ChildLaunch() {
    }

    /**
     * The command in a session of its own when the system has setsid (Linux): a terminal's Ctrl-C then reaches bin/dev
     * alone, which stops the children in order, Keycloak before its database. Its environment is bin/dev's without
     * the DEV_ variables (one may hold an admin URL with a password), plus {@code environment}.
     */
    public static ProcessBuilder builder(List<String> command, Map<String, String> environment, Path directory) {
        List<String> full = new ArrayList<>();
        setsid().ifPresent(full::add);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("DEV_"));
        builder.environment().putAll(environment);
        return builder;
    }

    /** The java command that runs a main class of dev-tools with this JVM's java and class path. */
    public static List<String> devTool(Class<?> main) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName());
    }

    /** The mail catcher's ports ({@code DevMailCatcher}). */
    public static Map<String, String> mailCatcherEnvironment(StackSettings settings) {
        return Map.of("SMTP_PORT", Integer.toString(settings.smtpPort()),
                "MAIL_HTTP_PORT", Integer.toString(settings.mailHttpPort()));
    }

    /** PostgreSQL's port and directories, and the role and database it makes for Keycloak ({@code DevPostgres}). */
    public static Map<String, String> postgresEnvironment(StackSettings settings) {
        return Map.of("DEV_PG_PORT", Integer.toString(settings.postgresPort()),
                "DEV_PG_DATA", settings.postgresData().toString(),
                "DEV_PG_WORK", settings.devDir().resolve("postgres-bin").toString(),
                "DEV_DB_USERNAME", settings.dbUsername(),
                "DEV_DB_PASSWORD", settings.dbPassword(),
                "DEV_DB_NAME", StackSettings.POSTGRES_DATABASE);
    }

    private static Optional<String> setsid() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(Pattern.quote(File.pathSeparator)))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "setsid"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
