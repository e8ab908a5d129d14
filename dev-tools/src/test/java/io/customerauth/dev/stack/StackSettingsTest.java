package io.customerauth.dev.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customerauth.dev.DevEnv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    static final Path REPO = Path.of("/home/dev/customer-auth");
    static final Map<String, String> FROM_BIN_DEV = Map.of(
            "DEV_KEYCLOAK_HOME", "/home/dev/customer-auth/target/dev/keycloak-26.7.3",
            "DEV_KEYCLOAK_VERSION", "26.7.3", "DEV_DB", "h2", "DEV_DB_URL", "", "DEV_DB_ADMIN_URL", "",
            "DEV_RESET", "0");

    static StackSettings settings(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(FROM_BIN_DEV);
        env.putAll(more);
        return StackSettings.from(DevEnv.of(env), REPO);
    }

    @Test
    void takesTodaysDefaults() {
        StackSettings settings = settings(Map.of());

        assertThat(settings.database()).isEqualTo(StackSettings.Database.H2);
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.managementPort()).isEqualTo(9000);
        assertThat(settings.smtpPort()).isEqualTo(1025);
        assertThat(settings.mailHttpPort()).isEqualTo(1080);
        assertThat(settings.postgresPort()).isEqualTo(5433);
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.adminUsername() + "/" + settings.adminPassword()).isEqualTo("admin/admin");
        assertThat(settings.adminPasswordFromEnvironment()).isFalse();
        assertThat(settings.reset()).isFalse();
        assertThat(settings.databaseDescription()).isEqualTo("H2 in target/dev/keycloak-26.7.3/data/h2");
    }

    @Test
    void runsItsOwnPostgresWithDbPostgres() {
        StackSettings settings = settings(Map.of("DEV_DB", "postgres", "DEV_PG_PORT", "5544", "DEV_RESET", "1"));

        assertThat(settings.database()).isEqualTo(StackSettings.Database.EMBEDDED_POSTGRES);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5544/keycloak");
        assertThat(settings.databaseDescription())
                .isEqualTo("PostgreSQL on localhost:5544, data in target/dev/postgres-data");
        assertThat(settings.reset()).isTrue();
    }

    @Test
    void anExternalUrlMeansThatServerAndIsNeverPrintedWithItsQuery() {
        StackSettings settings = settings(Map.of("DEV_DB_URL", "jdbc:postgresql://db:5432/kc?password=secret"));

        assertThat(settings.database()).isEqualTo(StackSettings.Database.EXTERNAL_POSTGRES);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/kc?password=secret");
        assertThat(settings.databaseDescription()).isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/kc");
    }

    @Test
    void namesTheVariableOfAWrongValue() {
        assertThatThrownBy(() -> settings(Map.of("KC_HTTP_PORT", "80800"))).hasMessageContaining("KC_HTTP_PORT");
        assertThatThrownBy(() -> settings(Map.of("KC_START_TIMEOUT", "soon"))).hasMessageContaining("KC_START_TIMEOUT");
        assertThatThrownBy(() -> settings(Map.of("DEV_DB", "mysql"))).hasMessageContaining("DEV_DB");
    }
}
