package io.customerauth.dev.stack;

import io.customerauth.dev.DevEnv;
import io.customerauth.dev.postgres.JdbcUrls;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code bin/dev} runs, read from the environment it hands over: the option twins ({@code DEV_DB},
 * {@code DEV_DB_URL}, ...; bin/dev has already checked its options and set them), the ports and admin of the
 * Environment list in docs/running-locally.md, and its own {@code DEV_KEYCLOAK_HOME}, {@code DEV_KEYCLOAK_VERSION}, {@code DEV_RESET}.
 *
 * @param repo      the repository root (bin/dev runs the stack from there)
 * @param dbUrl     the JDBC URL of an existing PostgreSQL ({@link Database#EXTERNAL_POSTGRES}), else null
 * @param dbAdminUrl an admin JDBC URL that may create Keycloak's role and database there, else null
 */
public record StackSettings(
        Path repo, Path keycloakHome, String keycloakVersion,
        int httpPort, int managementPort, int smtpPort, int mailHttpPort, int postgresPort,
        String adminUsername, String adminPassword, boolean adminPasswordFromEnvironment, Duration startTimeout,
        Database database, String dbUrl, String dbUsername, String dbPassword, String dbAdminUrl, boolean reset) {

    /** The realm bin/dev imports and waits for. */
    public static final String REALM = "customers";
    /** The database bin/dev's own PostgreSQL keeps for Keycloak. */
    public static final String POSTGRES_DATABASE = "keycloak";

    public enum Database { H2, EMBEDDED_POSTGRES, EXTERNAL_POSTGRES }

    public static StackSettings from(DevEnv env, Path repo) {
        String dbUrl = env.string("DEV_DB_URL", null);
        String db = env.string("DEV_DB", "h2");
        if (!db.equals("h2") && !db.equals("postgres")) {
            throw new IllegalArgumentException("DEV_DB must be h2 or postgres, not '" + db + "'");
        }
        Database database = dbUrl != null ? Database.EXTERNAL_POSTGRES
                : db.equals("postgres") ? Database.EMBEDDED_POSTGRES : Database.H2;
        return new StackSettings(repo.toAbsolutePath().normalize(),
                env.path("DEV_KEYCLOAK_HOME", null), env.required("DEV_KEYCLOAK_VERSION"),
                env.port("KC_HTTP_PORT", 8080), env.port("KC_HTTP_MANAGEMENT_PORT", 9000),
                env.port("SMTP_PORT", 1025), env.port("MAIL_HTTP_PORT", 1080), env.port("DEV_PG_PORT", 5433),
                env.string("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"), env.string("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                env.isSet("KC_BOOTSTRAP_ADMIN_PASSWORD"), env.seconds("KC_START_TIMEOUT", 300),
                database, dbUrl, env.string("DEV_DB_USERNAME", "keycloak"), env.string("DEV_DB_PASSWORD", "keycloak"),
                env.string("DEV_DB_ADMIN_URL", null), env.flag("DEV_RESET"));
    }

    public Path devDir() {
        return repo.resolve("target/dev");
    }

    /** Keycloak's log. */
    public Path devLog() {
        return repo.resolve("dev.log");
    }

    public Path postgresData() {
        return devDir().resolve("postgres-data");
    }

    public Path h2Data() {
        return keycloakHome.resolve("data/h2");
    }

    public String keycloakUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The JDBC URL Keycloak gets; null with H2. */
    public String jdbcUrl() {
        return switch (database) {
            case H2 -> null;
            case EMBEDDED_POSTGRES -> "jdbc:postgresql://localhost:" + postgresPort + "/" + POSTGRES_DATABASE;
            case EXTERNAL_POSTGRES -> dbUrl;
        };
    }

    /** The database in a few words, for messages and the banner. */
    public String databaseDescription() {
        return switch (database) {
            case H2 -> "H2 in " + relative(h2Data());
            case EMBEDDED_POSTGRES -> "PostgreSQL on localhost:" + postgresPort + ", data in " + relative(postgresData());
            case EXTERNAL_POSTGRES -> "PostgreSQL at " + JdbcUrls.withoutQuery(dbUrl);
        };
    }

    /** A path below the repository as bin/dev's messages show it. */
    public String relative(Path path) {
        return path.startsWith(repo) ? repo.relativize(path).toString() : path.toString();
    }
}
