package io.customerauth.it.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the integration tests run against: PostgreSQL, GreenMail and Keycloak with the pack, in production mode
 * ({@code kc.sh build}, then {@code start --optimized}, see {@link ProductionOptions}).
 * Started once per test JVM (so once per Maven run) and stopped when JUnit closes its root store.
 */
public final class TestStack implements ExtensionContext.Store.CloseableResource {

    public static final String REALM = "customers";
    public static final String CLIENT_ID = "customer-app";
    /**
     * {@code --hostname} of the test server: a hostname without scheme and port pins the host of every URL Keycloak
     * writes (the issuer of tokens, say) and takes scheme and port from the request, or from the reverse proxy's
     * {@code X-Forwarded-*}. The tests call the server at http://127.0.0.1:PORT and the proxy at another port, and
     * tokens carry the URL each caller used. A production deployment sets its full public URL instead.
     */
    public static final String HOSTNAME = "127.0.0.1";
    /**
     * The server's queue of jobs after the answer, set as a server option would be: its threads, and the jobs of one
     * realm waiting or running at once, small enough that a test fills it with a few dozen requests (no other test
     * has that many jobs of its own in flight).
     */
    public static final int AFTER_RESPONSE_THREADS = 4;
    public static final int AFTER_RESPONSE_JOBS_PER_REALM = 30;
    public static final Map<String, String> SUITE_FLOOD_LIMITS = Map.of(
            ResetCodeStep.REQUESTS_PER_ADDRESS, "100000",
            ResetCodeStep.MAILS_PER_REALM, "100000");

    private final TestDatabase database;
    private final Mailbox mailbox;
    private final KeycloakServer server;
    private final Keycloak admin;
    private final ServerLog log;
    private final HarnessSettings settings;

    private TestStack(HarnessSettings settings, TestDatabase database, Mailbox mailbox, KeycloakServer server,
                      Keycloak admin, ServerLog log) {
        this.settings = settings;
        this.database = database;
        this.mailbox = mailbox;
        this.server = server;
        this.admin = admin;
        this.log = log;
    }

    static TestStack start() {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        TestDatabase database = TestDatabase.start();
        Mailbox mailbox = Mailbox.start();
        KeycloakServer server;
        try {
            Path home = KeycloakDistribution.built(settings).installNode(settings.workDir().resolve("nodes/keycloak"));
            server = KeycloakServer.launch("keycloak", home, settings.testLog(), settings, database,
                    mailbox.smtpPort(), List.of(
                            "--hostname=" + HOSTNAME,
                            "--spi-customer-auth-after-response--default--threads=" + AFTER_RESPONSE_THREADS,
                            "--spi-customer-auth-after-response--default--jobs-per-realm="
                                    + AFTER_RESPONSE_JOBS_PER_REALM,
                            // The API page, which production leaves off (docs/api.md): its browser test needs it.
                            "--spi-realm-restapi-extension--auth--docs=true",
                            // Production's clustered caches (the default of start), on loopback, a cluster of one.
                            "--cache-embedded-network-bind-address=127.0.0.1",
                            "--cache-embedded-network-bind-port=" + FreePorts.next()))
                    .awaitReady();
        } catch (RuntimeException e) {
            mailbox.close();
            closeQuietly(database);
            throw e;
        }
        Keycloak admin = server.adminClient();
        raiseFloodLimits(admin.realm(REALM));
        return new TestStack(settings, database, mailbox, server, admin, new ServerLog(settings.testLog()));
    }

    /**
     * Every request of the suite comes from 127.0.0.1 and it mails hundreds of codes within minutes: the shop's
     * limits (10 forgot-password requests per address per 10 minutes, 300 mails a minute) would drop most of them.
     * The suite raises them once in the code step's settings, as an admin would; the flood tests lower them again
     * for their own test.
     */
    static void raiseFloodLimits(RealmResource realm) {
        ResetCodeStep.apply(realm, SUITE_FLOOD_LIMITS);
    }

    /** The JVM options the test server runs with. */
    public List<String> keycloakJvmArguments() {
        return server.jvmArguments();
    }

    public Api api() {
        return new Api(server.baseUrl(), REALM);
    }

    public Keycloak admin() {
        return admin;
    }

    public RealmResource realm() {
        return admin.realm(REALM);
    }

    public Oidc oidc() {
        return new Oidc(api(), REALM);
    }

    public Customers customers() {
        return new Customers(realm());
    }

    public Events events() {
        return new Events(realm());
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public Database database() {
        return new Database(database);
    }

    public ServerLog log() {
        return log;
    }

    /** nginx with the project's configuration in front of this server; the caller closes it. */
    public ReverseProxy startReverseProxy(Path nginx) {
        return ReverseProxy.start(nginx, settings.nginxConfig(), server.baseUrl(), settings.workDir().resolve("nginx"));
    }

    public ServerMetrics metrics() {
        return new ServerMetrics(server.managementUrl());
    }

    @Override
    public void close() {
        admin.close();
        server.close();
        mailbox.close();
        closeQuietly(database);
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("could not stop " + closeable + ": " + e);
        }
    }
}
