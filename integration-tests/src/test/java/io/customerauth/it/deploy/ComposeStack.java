package io.customerauth.it.deploy;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.FreePorts;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.customerauth.it.deploy.Docker.docker;

/**
 * The project's {@code docker-compose.yml}, run as a user runs it ({@code docker compose ...} in the repository), as a
 * project of its own: its own name, free loopback ports, a subnet no other network uses, fresh secrets, and an empty
 * env file so that a developer's {@code .env} plays no part. Only what a user may set is set (the variables the
 * compose file documents); {@link #close()} removes its containers, network and volumes.
 */
final class ComposeStack implements AutoCloseable {

    static final String ADMIN = "admin";
    static final Duration UP_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    private static boolean imagesBuilt;

    private final Path repo;
    private final Path emptyEnvFile;
    private final String project;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final int proxyPort = FreePorts.next();
    private final int keycloak1Port = FreePorts.next();
    private final int keycloak2Port = FreePorts.next();
    private final int mailPort = FreePorts.next();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ComposeStack(Path repo, Path emptyEnvFile) {
        this.repo = repo;
        this.emptyEnvFile = emptyEnvFile;
        this.project = "customer-auth-it-" + HexFormat.of().formatHex(randomBytes(3));
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", HexFormat.of().formatHex(randomBytes(16)));
        environment.put("KC_DB_PASSWORD", HexFormat.of().formatHex(randomBytes(16)));
        environment.put("KC_HOSTNAME", "http://localhost:" + proxyPort);
        environment.put("KC_HOSTNAME_ADMIN", "http://localhost:" + keycloak1Port);
        environment.put("NETWORK_PREFIX", freeNetworkPrefix());
        environment.put("PROXY_PORT", Integer.toString(proxyPort));
        environment.put("KEYCLOAK_1_PORT", Integer.toString(keycloak1Port));
        environment.put("KEYCLOAK_2_PORT", Integer.toString(keycloak2Port));
        environment.put("MAIL_PORT", Integer.toString(mailPort));
    }

    /** A stack of the repository's compose file; nothing runs until {@link #compose} is called. */
    static ComposeStack create() {
        try {
            return new ComposeStack(repositoryRoot(), Files.createTempFile("compose-", ".env"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docker compose ARGS} for this stack, in the repository, as a user types it. */
    Docker.Result compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "--project-name", project,
                "--env-file", emptyEnvFile.toString()));
        command.addAll(List.of(arguments));
        return Docker.run(timeout, environment, repo, command.toArray(String[]::new));
    }

    /**
     * Both images of the compose file (Keycloak with the pack, the import tool), built from this source tree as
     * {@code docker compose build} builds them; once per test run, whichever container IT asks first.
     */
    static synchronized void buildImages() {
        if (!imagesBuilt) {
            ComposeStack stack = create();
            stack.compose(Duration.ofMinutes(20), "--profile", "import", "build")
                    .orFail("docker compose build (no registry here? containers/stand-ins/build builds local"
                            + " stand-ins of the base images)");
            stack.close();
            imagesBuilt = true;
        }
    }

    /** The pack's Keycloak image as docker-compose.yml names it. */
    static String keycloakImage() {
        return "customer-auth/keycloak:" + System.getProperty("customerauth.project.version");
    }

    /** {@code docker compose up -d --wait}: every service started, every healthcheck passing. */
    void upAndWait() {
        compose(UP_TIMEOUT, "up", "--detach", "--wait").orFail("docker compose up --wait");
    }

    /** The container of a service, running or not. */
    String container(String service) {
        String id = compose(COMMAND_TIMEOUT, "ps", "--all", "--quiet", service).orFail("docker compose ps").output()
                .strip();
        if (id.isEmpty() || id.contains("\n")) {
            throw new AssertionError("expected one container of " + service + ", found: " + id);
        }
        return id;
    }

    /** Docker's view of a service's healthcheck: {@code starting}, {@code healthy} or {@code unhealthy}. */
    String health(String service) {
        return inspect(service, "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}");
    }

    String inspect(String service, String format) {
        return docker(COMMAND_TIMEOUT, "inspect", "--format", format, container(service)).orFail("docker inspect")
                .output().strip();
    }

    String logs(String service) {
        return compose(COMMAND_TIMEOUT, "logs", "--no-color", service).orFail("docker compose logs").output();
    }

    /** A bash command inside a service's running container. */
    Docker.Result exec(String service, String bashCommand) {
        return compose(COMMAND_TIMEOUT, "exec", "-T", service, "bash", "-c", bashCommand);
    }

    /** The API through the proxy, at the seed's paths. */
    int proxyPort() {
        return proxyPort;
    }

    String publicUrl() {
        return environment.get("KC_HOSTNAME");
    }

    /** Keycloak's own port of a node (the admin console's, published on loopback). */
    int nodePort(String service) {
        return switch (service) {
            case "keycloak-1" -> keycloak1Port;
            case "keycloak-2" -> keycloak2Port;
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The realm's API on one node, past the proxy. */
    Api api(String service) {
        return new Api("http://127.0.0.1:" + nodePort(service), "customers");
    }

    /** The admin REST API of one node, as the bootstrap admin. */
    Keycloak admin(String service) {
        return KeycloakBuilder.builder().serverUrl("http://127.0.0.1:" + nodePort(service)).realm("master")
                .clientId("admin-cli").username(ADMIN).password(environment.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))
                .build();
    }

    /** What {@code GET /realms/customers} answers on a node's own port; 0 when nothing answers. */
    int realmStatus(String service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodePort(service)
                    + "/realms/customers")).timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    MailpitInbox mail() {
        return new MailpitInbox("http://127.0.0.1:" + mailPort);
    }

    @Override
    public void close() {
        Docker.Result down = compose(COMMAND_TIMEOUT, "--profile", "import", "down", "--volumes", "--remove-orphans",
                "--timeout", "20");
        if (down.exitCode() != 0) {
            System.err.println("[container ITs] docker compose down failed for " + project + ":\n" + down.output());
        }
        try {
            Files.deleteIfExists(emptyEnvFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A /24 under 172.29 that no Docker network on this engine uses: compose refuses overlapping subnets. */
    private static String freeNetworkPrefix() {
        List<String> command = new ArrayList<>(List.of("network", "inspect", "--format",
                "{{range .IPAM.Config}}{{.Subnet}} {{end}}"));
        command.addAll(List.of(docker(COMMAND_TIMEOUT, "network", "ls", "--quiet").orFail("docker network ls")
                .output().strip().split("\\s+")));
        String subnets = docker(COMMAND_TIMEOUT, command.toArray(String[]::new)).orFail("docker network inspect")
                .output();
        for (int attempt = 0; attempt < 100; attempt++) {
            String prefix = "172.29." + ThreadLocalRandom.current().nextInt(10, 250);
            if (!subnets.contains(prefix + ".")) {
                return prefix;
            }
        }
        throw new IllegalStateException("no free 172.29.x.0/24 subnet for the test stack");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("Containerfile"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the project: " + Path.of("").toAbsolutePath());
    }
}
