package io.customerauth.dev;

import io.customerauth.dev.postgres.KeycloakDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Prepares an existing PostgreSQL server for bin/dev --db-url: with an admin JDBC URL ({@code DEV_DB_ADMIN_URL}, e.g.
 * {@code jdbc:postgresql://host:5432/postgres?user=postgres&password=...}) creates Keycloak's role and database when
 * missing; then checks that Keycloak's own credentials ({@code DEV_DB_URL}, {@code DEV_DB_USERNAME},
 * {@code DEV_DB_PASSWORD}) connect. Exit status 0 when Keycloak can connect, 1 otherwise, with the reason.
 */
public final class DevDatabaseSetup {

    private DevDatabaseSetup() {
    }

    public static void main(String[] args) {
        try {
            DevEnv env = DevEnv.system();
            String url = env.required("DEV_DB_URL");
            String username = env.string("DEV_DB_USERNAME", "keycloak");
            String password = env.string("DEV_DB_PASSWORD", "keycloak");
            String adminUrl = env.string("DEV_DB_ADMIN_URL", null);
            if (adminUrl != null) {
                try (Connection admin = DriverManager.getConnection(adminUrl)) {
                    new KeycloakDatabase(username, password, databaseName(url)).ensureExists(admin);
                }
            }
            try (Connection ignored = DriverManager.getConnection(url, username, password)) {
                System.out.println("Database ready: " + withoutQuery(url) + " as " + username);
            }
        } catch (SQLException | IllegalArgumentException e) {
            System.err.println("The database is not usable: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String databaseName(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null || parsed.getProperty("PGDBNAME", "").isEmpty()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL with a database name: " + withoutQuery(jdbcUrl));
        }
        return parsed.getProperty("PGDBNAME");
    }

    /** The URL without its query, which may carry a password. */
    private static String withoutQuery(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
