package io.customerauth.it.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.ProductionOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.customerauth.it.stack.ComposeFile.REQUIRED;
import static io.customerauth.it.stack.ComposeFile.interpolate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml read as compose reads it with nothing set: safe to start as it is (every published port on
 * 127.0.0.1 unless the user says otherwise, no password with a default), two nodes of the pack's own image (no jar
 * mounted from a build directory) with the production start options of the test harness, restart policies, nginx
 * with the shipped proxy configuration, and the import tool one profile away. ComposeStackIT runs the file on a Docker
 * engine; this test reads it where none runs.
 */
class ComposeFileTest {

    private static final List<String> NODES = List.of("keycloak-1", "keycloak-2");

    private static ComposeFile compose;
    private static JsonNode services;

    @BeforeAll
    static void read() {
        compose = ComposeFile.read();
        services = compose.services();
    }

    @Test
    void everyPublishedPortListensOnLoopbackUnlessTheUserSaysOtherwise() {
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(service -> service.getValue().path("ports").forEach(port -> {
            String hostIp = hostIp(interpolate(port.asText()));
            published.add(service.getKey() + " " + port + " -> " + hostIp);
            assertThat(hostIp).as("host address of %s's port %s", service.getKey(), port).isEqualTo("127.0.0.1");
        }));

        assertThat(published).as("the mail catcher, both Keycloak nodes and the proxy are published").hasSize(4);
        for (String service : List.of("mail", "keycloak-1", "keycloak-2")) {
            assertThat(services.path(service).path("ports").get(0).asText())
                    .as("%s serves the admin console or every mailed code: loopback, with no way to change it",
                            service)
                    .startsWith("127.0.0.1:");
        }
    }

    @Test
    void noPasswordHasADefaultSoComposeRefusesToStartWithoutRealSecrets() {
        for (String node : NODES) {
            Map<String, String> keycloak = compose.environment(node);
            assertThat(interpolate(keycloak.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))).startsWith(REQUIRED);
            assertThat(interpolate(keycloak.get("KC_DB_PASSWORD"))).startsWith(REQUIRED);
        }
        assertThat(interpolate(compose.environment("postgres").get("POSTGRES_PASSWORD"))).startsWith(REQUIRED);
        services.fieldNames().forEachRemaining(service -> compose.environment(service).forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                String resolved = interpolate(value);
                assertThat(resolved.isEmpty() || resolved.startsWith(REQUIRED))
                        .as("%s of %s is required or empty, never a default: %s", name, service, value).isTrue();
            }
        }));
    }

    @Test
    void bothNodesRunThePacksImageBuiltFromThisTreeWithNothingMountedButTheirData() {
        String image = "customer-auth/keycloak:" + projectVersion();
        JsonNode first = services.path("keycloak-1");

        assertThat(first.path("image").asText()).isEqualTo(image);
        assertThat(first.path("build").path("dockerfile").asText()).isEqualTo("Containerfile");
        assertThat(first.path("build").path("context").asText()).isEqualTo(".");
        assertThat(services.path("keycloak-2").path("image").asText()).isEqualTo(image);
        assertThat(services.path("keycloak-2").path("pull_policy").asText()).as("built here, never pulled")
                .isEqualTo("never");
        for (String node : NODES) {
            assertThat(compose.volumes(node)).as("%s mounts its data volume only: the pack is in the image", node)
                    .containsExactly(node + "-data:/opt/keycloak/data");
        }
    }

    @Test
    void bothNodesStartOptimizedWithTheProductionOptionsOfTheTestsAndOnePublicUrl() {
        for (String node : NODES) {
            Map<String, String> environment = compose.environment(node);
            List<String> command = new ArrayList<>();
            services.path(node).path("command").forEach(argument -> command.add(argument.asText()));

            assertThat(command.subList(0, 3)).as("%s: production mode, no build step at start", node)
                    .containsExactly("start", "--optimized", "--import-realm");
            assertThat(command).noneMatch(argument -> argument.startsWith("--cache") || argument.equals("start-dev"));
            for (String option : ProductionOptions.START) {
                String[] nameAndValue = option.substring(2).split("=", 2);
                assertThat(environment).containsEntry(ProductionOptions.environmentName(nameAndValue[0]),
                        nameAndValue[1]);
            }
            for (String option : ProductionOptions.BUILD) {
                String name = ProductionOptions.environmentName(option.substring(2).split("=", 2)[0]);
                assertThat(environment).as("%s is a build option: it is in the image, not set at start", name)
                        .doesNotContainKey(name);
            }
            assertThat(environment).doesNotContainKeys("KC_CACHE", "KC_HOSTNAME_STRICT");
            assertThat(interpolate(environment.get("KC_HOSTNAME"))).as("the public URL is the proxy's, on every node")
                    .isEqualTo("http://localhost:5000");
            assertThat(interpolate(environment.get("KC_PROXY_TRUSTED_ADDRESSES"))).as("only the proxy may forward")
                    .isEqualTo(interpolate(services.path("proxy").path("networks").path("default")
                            .path("ipv4_address").asText()));
            assertThat(environment).containsEntry("KC_LOG_FILE_ROTATION_ROTATE_ON_BOOT", "false");
            assertThat(services.path(node).path("restart").asText()).isEqualTo("unless-stopped");
            assertThat(services.path(node).path("networks").path("default").path("aliases"))
                    .extracting(JsonNode::asText).as("the proxy's upstream name resolves to both nodes")
                    .containsExactly("keycloak");
        }
        assertThat(services.path("keycloak-2").path("depends_on").path("keycloak-1").path("condition").asText())
                .as("two first starts on an empty database race on creating Keycloak's tables")
                .isEqualTo("service_healthy");
    }

    @Test
    void theProxyServesTheShippedNginxConfigurationOnTheSeedsPortInFrontOfBothNodes() throws IOException {
        JsonNode proxy = services.path("proxy");
        String shipped = Files.readString(RepoFiles.resolve("config/nginx/customer-auth.conf"));
        JsonNode mount = proxy.path("volumes").get(0);

        assertThat(proxy.path("image").asText()).startsWith("nginx:");
        assertThat(mount.path("source").asText()).isEqualTo("./config/nginx/customer-auth.conf");
        assertThat(mount.path("target").asText()).isEqualTo("/etc/nginx/conf.d/default.conf");
        assertThat(mount.path("bind").path("create_host_path").asBoolean(true))
                .as("a missing file is an error, never a directory Docker makes in its place").isFalse();
        assertThat(interpolate(proxy.path("ports").get(0).asText())).isEqualTo("127.0.0.1:5000:5000");
        assertThat(shipped).as("the file listens where compose publishes, and proxies to the nodes' alias")
                .contains("listen 5000;").contains("server keycloak:8080;");
        for (String node : NODES) {
            assertThat(proxy.path("depends_on").path(node).path("condition").asText()).isEqualTo("service_healthy");
        }
        assertThat(proxy.path("restart").asText()).isEqualTo("unless-stopped");
    }

    @Test
    void theImportToolRunsOnceFromItsImageOnlyWhenItsProfileIsAskedForOnceBothNodesAreHealthy() {
        JsonNode importer = services.path("import");
        Map<String, String> environment = compose.environment("import");

        assertThat(importer.path("profiles")).extracting(JsonNode::asText).containsExactly("import");
        assertThat(importer.path("image").asText()).isEqualTo("customer-auth/import-tool:" + projectVersion());
        assertThat(importer.path("build").path("target").asText()).isEqualTo("import-tool");
        assertThat(importer.path("restart").asText()).isEqualTo("no");
        assertThat(importer.path("volumes").get(0).path("bind").path("create_host_path").asBoolean(true)).isFalse();
        assertThat(RepoFiles.resolve(interpolate(importer.path("volumes").get(0).path("source").asText())
                .substring(2))).as("the default export, the tool's sample").exists();
        assertThat(environment).containsEntry("KEYCLOAK_URL", "http://keycloak:8080");
        for (String node : NODES) {
            assertThat(importer.path("depends_on").path(node).path("condition").asText())
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void everyLongRunningServiceRestartsUnlessStopped() {
        for (String service : List.of("postgres", "mail", "keycloak-1", "keycloak-2", "proxy")) {
            assertThat(services.path(service).path("restart").asText()).as(service).isEqualTo("unless-stopped");
        }
    }

    static String projectVersion() {
        String version = System.getProperty("customerauth.project.version");
        assertThat(version).as("system property customerauth.project.version (run through Maven)").isNotBlank();
        return version;
    }

    /** The host address of a short-syntax port ({@code [HOST:]PUBLISHED:TARGET[/PROTOCOL]}); none means all. */
    private static String hostIp(String port) {
        String[] parts = port.split("/")[0].split(":");
        return parts.length == 3 ? parts[0] : "0.0.0.0 (all interfaces)";
    }
}
