package io.customerauth.dev.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How bin/dev starts Keycloak: {@code kc.sh start-dev} with the realm imported, on 127.0.0.1 only (a development
 * server has admin/admin and a mail page that shows every code), health and metrics on, the API page on (production
 * leaves it off), its log in dev.log (appended to across starts), and the database options. The database password goes into the environment, never the command
 * line. start-dev runs the Quarkus build at every start (~25 s), so provider and database changes need no extra step.
 */
public final class KeycloakLaunch {

    private KeycloakLaunch() {
    }

    /** kc.sh and its arguments. */
    public static List<String> command(StackSettings settings) {
        List<String> command = new ArrayList<>(List.of(settings.keycloakHome().resolve("bin/kc.sh").toString(),
                "start-dev", "--import-realm", "--http-host=127.0.0.1", "--http-management-host=127.0.0.1",
                "--http-port=" + settings.httpPort(), "--http-management-port=" + settings.managementPort(),
                "--health-enabled=true", "--metrics-enabled=true",
                "--spi-realm-restapi-extension--auth--docs=true",
                "--log=file", "--log-file=" + settings.devLog(), "--log-file-rotation-rotate-on-boot=false"));
        if (settings.database() == StackSettings.Database.H2) {
            command.add("--db=dev-file");
        } else {
            command.addAll(List.of("--db=postgres", "--db-url=" + settings.jdbcUrl(),
                    "--db-username=" + settings.dbUsername()));
        }
        return command;
    }

    /**
     * What Keycloak gets in its environment on top of bin/dev's: {@code config/keycloak.env} (its JVM options, as
     * everywhere else), then the stack's own (the realm reads SMTP_HOST and SMTP_PORT).
     */
    public static Map<String, String> environment(StackSettings settings, Map<String, String> keycloakEnvFile) {
        Map<String, String> environment = new LinkedHashMap<>(keycloakEnvFile);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        environment.put("SMTP_HOST", "localhost");
        environment.put("SMTP_PORT", Integer.toString(settings.smtpPort()));
        if (settings.database() != StackSettings.Database.H2) {
            environment.put("KC_DB_PASSWORD", settings.dbPassword());
        }
        return environment;
    }
}
