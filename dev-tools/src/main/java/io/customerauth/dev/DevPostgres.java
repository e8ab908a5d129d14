package io.customerauth.dev;

import io.customerauth.dev.postgres.KeycloakDatabase;
import io.customerauth.dev.postgres.LeftoverPostmaster;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A real PostgreSQL server for bin/dev, from Maven artifacts (zonky's embedded binaries), that keeps its data on disk
 * between runs. Creates the role and database Keycloak uses when missing, prints one ready line, stops on
 * SIGTERM / SIGINT. Environment: {@code DEV_PG_PORT} (5433), {@code DEV_PG_DATA} (target/dev/postgres-data),
 * {@code DEV_PG_WORK} (where the binaries are unpacked, target/dev/postgres-bin), {@code DEV_DB_USERNAME},
 * {@code DEV_DB_PASSWORD}, {@code DEV_DB_NAME} (all {@code keycloak}).
 */
public final class DevPostgres {

    private DevPostgres() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        DevEnv env = DevEnv.system();
        int port = env.port("DEV_PG_PORT", 5433);
        Path data = env.path("DEV_PG_DATA", Path.of("target", "dev", "postgres-data"));
        Path work = env.path("DEV_PG_WORK", Path.of("target", "dev", "postgres-bin"));
        KeycloakDatabase keycloak = new KeycloakDatabase(
                env.string("DEV_DB_USERNAME", "keycloak"),
                env.string("DEV_DB_PASSWORD", "keycloak"),
                env.string("DEV_DB_NAME", "keycloak"));
        Files.createDirectories(data.getParent());
        Files.createDirectories(work);
        LeftoverPostmaster.stopIfRunning(data);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("listen_addresses", "localhost")
                // zonky turns this off for speed; a dev database that keeps users should not lose the last commits.
                .setServerConfig("synchronous_commit", "on")
                .setRegisterShutdownHook(false)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "postgres-shutdown"));

        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            keycloak.ensureExists(admin);
        }
        System.out.printf("PostgreSQL ready: jdbc:postgresql://localhost:%d/%s (data in %s)%n",
                postgres.getPort(), keycloak.database(), data);
        // pg_ctl runs the server as its own process; this JVM stays up (zonky's output threads) to stop it on a signal.
        waitForever();
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
            System.out.println("PostgreSQL stopped");
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL cleanly: " + e);
        }
    }

    private static void waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
