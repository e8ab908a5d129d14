package io.customerauth.importer.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.customerauth.importer.keycloak.ServerSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where Keycloak is and how the tool logs in: shared by the import and the benchmark. */
public final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL",
            description = "Keycloak's base URL.")
    private URI server;

    @Option(names = "--realm", paramLabel = "REALM",
            description = "The realm to import into.")
    private String realm;

    @Option(names = "--admin-realm", paramLabel = "REALM",
            description = "The realm the admin user logs in to (client admin-cli).")
    private String adminRealm;

    @Option(names = "--admin-user", paramLabel = "USER",
            description = "The admin user; needs manage-users on the realm.")
    private String adminUser;

    @Option(names = "--admin-password-file", paramLabel = "PATH",
            description = "A file whose first line is the admin password. Without it: env KEYCLOAK_ADMIN_PASSWORD, "
                    + "else 'admin'.")
    private Path adminPasswordFile;

    @Option(names = "--retries", paramLabel = "N",
            description = "Retries of a request after a connection error or a 5xx answer, with exponential "
                    + "backoff, " + Limits.MIN_RETRIES + "-" + Limits.MAX_RETRIES + ".")
    private int retries;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Timeout of one request.")
    private int timeoutSeconds;

    /** Checks the options; call before anything else uses them. */
    void validate() {
        Limits.between(spec, "--retries", retries, Limits.MIN_RETRIES, Limits.MAX_RETRIES);
        Limits.atLeast(spec, "--timeout", timeoutSeconds, Limits.MIN_TIMEOUT_SECONDS);
        if (server == null || server.getScheme() == null || !server.getScheme().matches("https?")
                || server.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--server must be an http(s) URL, like "
                    + "http://localhost:8080");
        }
    }

    ServerSettings settings(Map<String, String> env) {
        try {
            return new ServerSettings(server, realm, adminRealm, adminUser,
                    AdminPassword.resolve(adminPasswordFile, env), retries, Duration.ofSeconds(timeoutSeconds));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read the admin password file: "
                    + e.getMessage());
        }
    }

    URI server() {
        return server;
    }

    String realm() {
        return realm;
    }
}
