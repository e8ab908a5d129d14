package io.customerauth.dev.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakLaunchTest {

    private static final String HOME = "/home/dev/customer-auth/target/dev/keycloak-26.7.3";

    @Test
    void startsDevModeOnLoopbackWithTheRealmHealthMetricsTheApiPageAndItsLogInDevLog() {
        StackSettings settings = StackSettingsTest.settings(Map.of("KC_HTTP_PORT", "8180"));

        assertThat(KeycloakLaunch.command(settings)).containsExactly(HOME + "/bin/kc.sh",
                "start-dev", "--import-realm", "--http-host=127.0.0.1", "--http-management-host=127.0.0.1",
                "--http-port=8180", "--http-management-port=9000", "--health-enabled=true", "--metrics-enabled=true",
                "--spi-realm-restapi-extension--auth--docs=true",
                "--log=file", "--log-file=/home/dev/customer-auth/dev.log", "--log-file-rotation-rotate-on-boot=false",
                "--db=dev-file");
        assertThat(KeycloakLaunch.environment(settings, Map.of("JAVA_OPTS_APPEND", "-XX:+UseG1GC")))
                .containsExactly(Map.entry("JAVA_OPTS_APPEND", "-XX:+UseG1GC"),
                Map.entry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"), Map.entry("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                Map.entry("SMTP_HOST", "localhost"), Map.entry("SMTP_PORT", "1025"));
    }

    @Test
    void givesThePostgresPasswordInTheEnvironmentOnly() {
        StackSettings settings = StackSettingsTest.settings(Map.of("DEV_DB_URL", "jdbc:postgresql://db:5432/kc",
                "DEV_DB_USERNAME", "kc", "DEV_DB_PASSWORD", "s3cret"));

        assertThat(KeycloakLaunch.command(settings)).endsWith(
                "--db=postgres", "--db-url=jdbc:postgresql://db:5432/kc", "--db-username=kc")
                .noneMatch(argument -> argument.contains("s3cret"));
        assertThat(KeycloakLaunch.environment(settings, Map.of())).containsEntry("KC_DB_PASSWORD", "s3cret");
    }
}
