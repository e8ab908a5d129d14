package io.customerauth.it.harness;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Two Keycloak nodes with the pack on loopback, one PostgreSQL, one GreenMail: Keycloak's own clustering (the
 * default {@code jdbc-ping} stack, members found through the shared database) in production mode, as a deployment
 * behind a load balancer runs it. Both nodes have the same options but their ports, and the same {@code --hostname},
 * the public URL a load balancer would have, so a token issued by one is valid on the other.
 *
 * <p>The second node starts as soon as the first has begun creating the schema ({@link #awaitSchemaStarted}).
 *
 * <p>With {@code -Dcustomerauth.cluster.cache=local} the nodes run {@code --cache=local} instead: two servers on one
 * database with nothing shared in memory, which the cluster test must fail against.
 */
public final class KeycloakCluster implements AutoCloseable {

    public static final String HOSTNAME = "http://auth.customers.test";
    private static final Pattern TWO_MEMBERS = Pattern.compile("ISPN000094: Received new cluster view .*\\(2\\)");
    /** Two minutes, or the start timeout where that is longer (a saturated machine, {@code bench/faults}). */
    private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(
            Math.max(120, Long.getLong("customerauth.startTimeoutSeconds", 120)));

    private final TestDatabase database;
    private final Mailbox mailbox;
    private final List<Node> nodes;
    private final boolean clustered;

    private KeycloakCluster(TestDatabase database, Mailbox mailbox, List<Node> nodes, boolean clustered) {
        this.database = database;
        this.mailbox = mailbox;
        this.nodes = nodes;
        this.clustered = clustered;
    }

    /**
     * Starts both nodes (the second as soon as the first has created the schema) and returns when both are ready
     * and, clustered, see each other.
     */
    public static KeycloakCluster start() {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        boolean clustered = settings.clusterCache().equals("ispn");
        TestDatabase database = TestDatabase.start();
        Mailbox mailbox = Mailbox.start();
        List<KeycloakServer> servers = new ArrayList<>();
        try {
            KeycloakDistribution distribution = KeycloakDistribution.built(settings);
            for (String name : List.of("node-a", "node-b")) {
                if (!servers.isEmpty()) {
                    awaitSchemaStarted(database, servers.get(0));
                }
                Path home = distribution.installNode(settings.workDir().resolve("nodes/" + name));
                List<String> options = new ArrayList<>(List.of(
                        "--hostname=" + HOSTNAME,
                        // One mail job at a time, in order: a later request's mail is proof that an earlier one's
                        // job has run (the tests use that to see that a throttled request sent nothing).
                        "--spi-customer-auth-after-response--default--threads=1"));
                options.addAll(clustered
                        ? List.of("--cache-embedded-network-bind-address=127.0.0.1",
                                  "--cache-embedded-network-bind-port=" + FreePorts.next())
                        : List.of("--cache=local"));
                servers.add(KeycloakServer.launch(name, home, settings.workDir().resolve(name + ".log"), settings,
                        database, mailbox.smtpPort(), options));
            }
            for (KeycloakServer server : servers) {
                server.awaitReady();
            }
            if (clustered) {
                for (KeycloakServer server : servers) {
                    server.awaitConsoleLine(TWO_MEMBERS, CLUSTER_TIMEOUT);
                }
            }
        } catch (RuntimeException e) {
            servers.forEach(KeycloakServer::close);
            mailbox.close();
            TestStack.closeQuietly(database);
            throw e;
        }
        List<Node> nodes = servers.stream().map(Node::new).toList();
        TestStack.raiseFloodLimits(nodes.get(0).realm());
        return new KeycloakCluster(database, mailbox, nodes, clustered);
    }

    /**
     * Keycloak's first start on an empty database is not safe twice at once: Liquibase creates its changelog table
     * before Keycloak takes its database lock, and the second node fails with "relation databasechangelog already
     * exists" (seen here). So the second node starts once the first has created that table and Keycloak's lock
     * table; the rest of the first node's migration and bootstrap runs under that lock while the second node boots.
     */
    private static void awaitSchemaStarted(TestDatabase database, KeycloakServer first) {
        Instant deadline = Instant.now().plus(CLUSTER_TIMEOUT);
        while (!database.hasTable("databasechangelog") || !database.hasTable("databasechangeloglock")) {
            if (!first.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak " + first.name() + " did not create its schema within "
                        + CLUSTER_TIMEOUT + " (alive: " + first.isAlive() + ")");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Node a() {
        return nodes.get(0);
    }

    public Node b() {
        return nodes.get(1);
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** The PostgreSQL database both nodes store into, to query what they stored. */
    public Database database() {
        return new Database(database);
    }

    /** The PostgreSQL server both nodes store into, to stop and start as an outage would. */
    public PostgresServer postgres() {
        return database.server();
    }

    /** A connection to the nodes' database, to check what they stored. */
    public Connection connectDatabase() throws SQLException {
        return database.connect();
    }

    /** Whether the nodes run Keycloak's clustered caches ({@code false} with {@code --cache=local}). */
    public boolean clustered() {
        return clustered;
    }

    @Override
    public void close() {
        nodes.forEach(Node::close);
        mailbox.close();
        TestStack.closeQuietly(database);
    }

    /** One node: its API, its admin API, and {@code kill -9}. */
    public static final class Node {
        private final KeycloakServer server;
        private final Keycloak admin;

        private Node(KeycloakServer server) {
            this.server = server;
            this.admin = server.adminClient();
        }

        public String name() {
            return server.name();
        }

        public Api api() {
            return new Api(server.baseUrl(), TestStack.REALM);
        }

        public RealmResource realm() {
            return admin.realm(TestStack.REALM);
        }

        public Customers customers() {
            return new Customers(realm());
        }

        /** A fresh access token of the bootstrap admin, for admin REST calls the admin client does not make. */
        public String adminToken() {
            return admin.tokenManager().getAccessTokenString();
        }

        /** {@code kill -9} of the node's JVM: no shutdown, no goodbye to the cluster. */
        public void kill() {
            server.kill();
        }

        public boolean isAlive() {
            return server.isAlive();
        }

        /** The process id of the node's JVM. */
        public long pid() {
            return server.jvmPid();
        }

        public ServerMetrics metrics() {
            return new ServerMetrics(server.managementUrl());
        }

        public Path consoleLog() {
            return server.consoleLog();
        }

        /** The ports the node serves HTTP on: its API and its management interface (any other port is the cluster's). */
        public List<Integer> httpPorts() {
            return List.of(server.httpPort(), server.managementPort());
        }

        private void close() {
            admin.close();
            server.close();
        }

        @Override
        public String toString() {
            return server.name() + " (" + server.baseUrl() + ")";
        }
    }
}
