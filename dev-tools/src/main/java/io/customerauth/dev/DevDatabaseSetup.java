package io.customerauth.dev;

import io.customerauth.dev.postgres.JdbcUrls;
import io.customerauth.dev.postgres.KeycloakDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
        DevEnv env = DevEnv.system();
        if (!prepare(env.required("DEV_DB_URL"), env.string("DEV_DB_USERNAME", "keycloak"),
                env.string("DEV_DB_PASSWORD", "keycloak"), env.string("DEV_DB_ADMIN_URL", null))) {
            System.exit(1);
        }
    }

    /**
     * Creates Keycloak's role and database when {@code adminUrl} is given and they are missing, then checks that
     * Keycloak's credentials connect. Returns whether they do; prints the reason when they do not.
     */
    static boolean prepare(String url, String username, String password, String adminUrl) {
        try {
            if (adminUrl != null) {
                try (Connection admin = DriverManager.getConnection(adminUrl)) {
                    new KeycloakDatabase(username, password, JdbcUrls.databaseName(url)).ensureExists(admin);
                }
            }
            try (Connection ignored = DriverManager.getConnection(url, username, password)) {
                System.out.println("Database ready: " + JdbcUrls.withoutQuery(url) + " as " + username);
            }
            return true;
        } catch (SQLException | IllegalArgumentException e) {
            System.err.println("The database is not usable: " + e.getMessage());
            return false;
        }
    }
}
