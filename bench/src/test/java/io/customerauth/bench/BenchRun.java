package io.customerauth.bench;

import io.customerauth.bench.imports.ImportBench;
import io.customerauth.bench.imports.ImportTool;
import io.customerauth.bench.load.Pairs;
import io.customerauth.bench.measure.Argon2Ceiling;
import io.customerauth.bench.measure.BusyProbe;
import io.customerauth.bench.measure.CeilingWindows;
import io.customerauth.bench.measure.Connections;
import io.customerauth.bench.measure.CpuSnapshot;
import io.customerauth.bench.measure.Recorder;
import io.customerauth.bench.report.Environment;
import io.customerauth.bench.report.ReportWriter;
import io.customerauth.bench.stack.AdminApi;
import io.customerauth.bench.stack.BenchDatabase;
import io.customerauth.bench.stack.BenchUsers;
import io.customerauth.bench.stack.FreePort;
import io.customerauth.bench.stack.KeycloakProcess;
import io.customerauth.bench.stack.MailSink;
import io.customerauth.dev.stack.KeycloakEnvFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * One run of the benchmark outside the load itself: the stack (PostgreSQL, the mail sink, Keycloak with the pack),
 * the customers, the Flight Recorder on Keycloak, the import benchmark and the report.
 */
final class BenchRun {

    private static final String REALM = "customers";
    private static final int CEILING_THREADS = 2;
    /**
     * Every request of the bench comes from 127.0.0.1: the shipped limits (10 forgot-password requests per address per
     * 10 min, 300 code mails per realm per minute) would drop nearly all of them before any work, and no reset code
     * would arrive. The one-mail-per-user throttle stays as shipped.
     */
    static final Map<String, String> FLOOD_LIMITS_OFF = Map.of("requestsPerAddress", "0", "mailsPerRealm", "0");

    private final BenchConfig config;
    private final int httpPort = FreePort.next();
    private final BenchUsers users;
    private final Recorder recorder;
    private final Pairs pairs;
    private final Path jfr;
    private BenchDatabase database;
    private MailSink mail;
    private KeycloakProcess keycloak;
    private long postmasterPid;
    private long keycloakPid;
    private volatile Map<String, String> userIds = Map.of();
    private final CeilingWindows ceiling = new CeilingWindows(CEILING_THREADS);
    private final Connections connections = new Connections();
    private Environment environment;

    BenchRun(BenchConfig config) {
        this.config = config;
        this.users = new BenchUsers(config.loginUsers(), config.resetsPerSide(), config.rounds());
        this.recorder = new Recorder(() -> {
            connections.check(List.of(ProcessHandle.current().pid(), keycloakPid, postmasterPid));
            return CpuSnapshot.take(keycloakPid, postmasterPid);
        });
        this.pairs = new Pairs(config, users, recorder, () -> mail, () -> userIds, ceiling,
                new BusyProbe(() -> keycloakPid));
        this.jfr = config.workDir().resolve("keycloak.jfr");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Pairs pairs() {
        return pairs;
    }

    void start() {
        try {
            Files.createDirectories(config.workDir());
            Files.deleteIfExists(jfr);
            log("starting PostgreSQL");
            database = BenchDatabase.start(config.workDir().resolve("postgres-data"));
            postmasterPid = Long.parseLong(Files.readAllLines(
                    config.workDir().resolve("postgres-data/postmaster.pid")).get(0).trim());
            mail = MailSink.start();
            log("starting Keycloak " + config.keycloakVersion() + " with the pack (production mode, PostgreSQL)");
            keycloak = KeycloakProcess.start(new KeycloakProcess.Setup(config.keycloakDist(),
                    config.projectRoot().resolve(KeycloakEnvFile.PATH), config.workDir(), database.jdbcUrl(),
                    mail.port(), httpPort));
            keycloakPid = keycloak.pid();
            createCustomers();
            environment = Environment.describe(config, database.describe());
            log("load starts");
        } catch (IOException | RuntimeException e) {
            stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void createCustomers() throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String hash = Argon2Ceiling.phc(BenchUsers.PASSWORD, salt);
        Path export = config.workDir().resolve("bench-customers.json");
        users.writeExport(export, hash);
        log("creating " + users.all().size() + " customers with the import tool");
        new ImportTool(config.projectRoot(), baseUrl()).run("-Xmx256m", config.workDir().resolve("customers.log"),
                export.toString());
        AdminApi admin = new AdminApi(baseUrl(), REALM);
        userIds = admin.userIds("bench-reset-", users.all().size());
        admin.setResetCodeStep(FLOOD_LIMITS_OFF);
    }

    void finish() {
        try {
            log("load done");
            ImportBench.Result imports = null;
            RuntimeException importFailure = null;
            if (!config.skipImport()) {
                try {
                    imports = new ImportBench(config, new ImportTool(config.projectRoot(), baseUrl()), database,
                            keycloakPid, postmasterPid,
                            pid -> connections.check(List.of(pid, keycloakPid, postmasterPid))).run();
                } catch (IOException | RuntimeException e) {
                    importFailure = new IllegalStateException("the import benchmark failed: " + e.getMessage(), e);
                }
            }
            log("stopping Keycloak (its Flight Recorder writes " + jfr + ")");
            keycloak.close();
            Path report = new ReportWriter(config, environment, recorder, ceiling, connections, jfr, imports,
                    importFailure == null ? null : importFailure.getMessage()).write();
            log("report: " + report);
            if (importFailure != null) {
                throw importFailure;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stop();
        }
    }

    private void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                log("could not stop PostgreSQL: " + e);
            }
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
