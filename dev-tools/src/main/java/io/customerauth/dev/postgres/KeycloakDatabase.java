package io.customerauth.dev.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keycloak's role and database on a PostgreSQL server: created when missing, left alone when present (an existing
 * role keeps its password). Needs a connection with the right to create roles and databases.
 *
 * @param role     the login role Keycloak connects as
 * @param password that role's password, set only when the role is created
 * @param database the database Keycloak uses, owned by the role when created here
 */
public record KeycloakDatabase(String role, String password, String database) {

    public void ensureExists(Connection admin) throws SQLException {
        if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            execute(admin, "CREATE ROLE " + identifier(role) + " LOGIN PASSWORD " + literal(password));
            System.out.println("Created the role " + role);
        }
        if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            execute(admin, "CREATE DATABASE " + identifier(database) + " OWNER " + identifier(role)
                    + " ENCODING 'UTF8'");
            System.out.println("Created the database " + database);
        }
    }

    /** A PostgreSQL quoted identifier: any name is safe, embedded quotes doubled. */
    static String identifier(String name) {
        requireNoNul(name);
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A standard-conforming string literal (the default since PostgreSQL 9.1): quotes doubled. */
    static String literal(String value) {
        requireNoNul(value);
        return '\'' + value.replace("'", "''") + '\'';
    }

    private static void requireNoNul(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character in a PostgreSQL name or literal");
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        // CREATE DATABASE cannot run inside a transaction block.
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
