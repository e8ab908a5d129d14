package io.customerauth.it.deploy;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.customerauth.it.harness.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack's image ({@code Containerfile}) as Testcontainers' Keycloak module runs it, optimized, on PostgreSQL: it
 * starts without Keycloak's build step, with everything the pack needs inside (the jars, the seed's log format, the
 * realm, the password denylist, the JVM options of {@code config/keycloak.env}), as the unprivileged user of the
 * official image, with a healthcheck of its own.
 */
class PackImageIT {

    private static final String BUILD_STEP = "Updating the configuration and installing your custom providers";

    private static Network network;
    private static GenericContainer<?> postgres;
    private static KeycloakContainer keycloak;

    @BeforeAll
    @SuppressWarnings("resource")
    static void startTheImage() {
        Docker.requireEngine();
        ComposeStack.buildImages();
        network = Network.newNetwork();
        postgres = new GenericContainer<>("postgres:17")
                .withNetwork(network).withNetworkAliases("postgres")
                .withEnv("POSTGRES_DB", "keycloak").withEnv("POSTGRES_USER", "keycloak")
                .withEnv("POSTGRES_PASSWORD", "image-test")
                .withExposedPorts(5432)
                .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));
        postgres.start();
        keycloak = new KeycloakContainer(ComposeStack.keycloakImage())
                .withOptimizedFlag()
                .withNetwork(network)
                .withEnv("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak")
                .withEnv("KC_DB_USERNAME", "keycloak")
                .withEnv("KC_DB_PASSWORD", "image-test")
                .withEnv("KC_HTTP_ENABLED", "true")
                .withEnv("KC_HOSTNAME_STRICT", "false")
                .withEnv("SMTP_HOST", "localhost")
                .withEnv("SMTP_PORT", "25")
                // Ready, not merely started: until the realm is imported Keycloak answers 503 "Bootstrap in progress".
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(10)));
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {keycloak, postgres, network}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("[container ITs] could not stop " + closeable + ": " + e);
            }
        }
    }

    @Test
    void startsOptimizedWithoutKeycloaksBuildStep() {
        String logs = keycloak.getLogs();

        assertThat(logs).contains(" started in ").doesNotContain(BUILD_STEP);
        assertThat(Docker.docker(Duration.ofSeconds(30), "image", "inspect", "--format",
                "{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.User}}", ComposeStack.keycloakImage())
                .orFail("docker image inspect").output().strip())
                .isEqualTo("[\"/opt/keycloak/bin/kc.sh\"] [\"start\",\"--optimized\",\"--import-realm\"] 1000");
    }

    @Test
    void servesThePacksApiOnTheRealmItImported() {
        Api api = new Api("http://" + keycloak.getHost() + ":" + keycloak.getHttpPort(), "customers");

        Api.Response version = api.get("/version");

        assertThat(version.status()).as("GET /version: %s", version).isEqualTo(200);
        assertThat(version.json().path("version").asText())
                .isEqualTo(System.getProperty("customerauth.project.version"));
    }

    @Test
    void logsEveryLineOfTheServerInTheSeedsFormat() {
        // What kc.sh itself prints before the JVM starts (its notes on JAVA_OPTS, the build-time warnings) is not a
        // log line; every line of the server's log handlers starts with its timestamp.
        List<String> lines = keycloak.getLogs().lines().filter(line -> line.startsWith("[20")).toList();

        assertThat(lines).hasSizeGreaterThan(5).allMatch(line -> line.matches(
                "\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}]\\[[^]]*]\\[[^]]*]\\[[^]]*]\\[[^]]*]\\[[^]]*]"
                        + "\\[-?\\d+]\\[(INFO|WARN|WARNING|ERROR|DEBUG)]\\[[^]]*]: .*"), "a seed-format line");
    }

    @Test
    void runsAsTheOfficialImagesUserWithTheJvmOptionsOfKeycloakEnv() throws Exception {
        String envFile = Files.readString(ComposeStack.repositoryRoot().resolve("config/keycloak.env"));
        String javaOptions = envFile.lines().filter(line -> line.startsWith("JAVA_OPTS_APPEND=")).findFirst()
                .orElseThrow().substring("JAVA_OPTS_APPEND=".length());

        String jvm = keycloak.execInContainer("bash", "-c", "id -u; for p in /proc/[0-9]*; do"
                + " grep -qs QuarkusEntryPoint $p/cmdline && tr '\\0' ' ' < $p/cmdline; done").getStdout();

        assertThat(jvm.lines().findFirst()).hasValue("1000");
        for (String option : javaOptions.split(" ")) {
            assertThat(jvm).as("the JVM's command line").contains(option);
        }
    }

    @Test
    void hasAHealthcheckThatPassesOnceKeycloakIsReady() throws InterruptedException {
        String health = "";
        for (int attempt = 0; attempt < 60 && !health.equals("healthy"); attempt++) {
            Thread.sleep(1000);
            health = Docker.docker(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Health.Status}}",
                    keycloak.getContainerId()).orFail("docker inspect").output().strip();
        }

        assertThat(health).as("Docker's view of the started container's health").isEqualTo("healthy");
        String probe = Docker.docker(Duration.ofSeconds(30), "image", "inspect", "--format",
                "{{json .Config.Healthcheck.Test}}", ComposeStack.keycloakImage()).orFail("docker image inspect")
                .output();
        assertThat(probe).contains("/health/ready").contains("= 200");
    }
}
