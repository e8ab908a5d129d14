package io.customerauth.it.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerauth.it.harness.ProductionOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.customerauth.it.stack.ComposeFile.REQUIRED;
import static io.customerauth.it.stack.ComposeFile.interpolate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is safe to start as it is and runs what the tests run (no Docker engine runs here, so its text
 * is checked): every published port listens on 127.0.0.1 unless the user says otherwise, no password has a default,
 * Keycloak is the pinned version with the production options of the test harness, nginx serves the shipped proxy
 * configuration, and the import tool is one profile away. Values are read as compose interpolates them with nothing
 * set. That every mounted file exists after {@code mvn package} is {@link ComposeMountsIT}.
 */
class ComposeFileTest {

    private static ComposeFile compose;
    private static JsonNode services;
    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        compose = ComposeFile.read();
        services = compose.services();
        realm = new ObjectMapper().readTree(RepoFiles.resolve("realm-export/customers-realm.json").toFile());
    }

    @Test
    void everyPublishedPortListensOnLoopbackUnlessTheUserSaysOtherwise() {
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(service -> service.getValue().path("ports").forEach(port -> {
            String hostIp = port.isObject() ? interpolate(port.path("host_ip").asText(""))
                    : hostIp(interpolate(port.asText()));
            published.add(service.getKey() + " " + port + " -> " + hostIp);
            assertThat(hostIp).as("host address of %s's port %s", service.getKey(), port).isEqualTo("127.0.0.1");
        }));

        assertThat(published).as("the mail catcher, Keycloak and the proxy are published").hasSize(3);
        assertThat(services.path("mail").path("ports").get(0).asText())
                .as("the mail catcher shows every code: loopback, with no way to change it")
                .startsWith("127.0.0.1:");
        assertThat(services.path("keycloak").path("ports").get(0).asText())
                .as("Keycloak's own port serves the admin console: loopback, with no way to change it")
                .startsWith("127.0.0.1:");
    }

    @Test
    void noPasswordHasADefaultSoComposeRefusesToStartWithoutRealSecrets() {
        Map<String, String> keycloak = compose.environment("keycloak");

        assertThat(interpolate(keycloak.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))).startsWith(REQUIRED);
        assertThat(interpolate(keycloak.get("KC_DB_PASSWORD"))).startsWith(REQUIRED);
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
    void keycloakGetsTheDenylistTheRealmsPasswordPolicyNames() {
        Matcher policy = Pattern.compile("passwordBlacklist\\(([^)]+)\\)").matcher(realm.path("passwordPolicy").asText());
        assertThat(policy.find()).as("the realm's password policy has a passwordBlacklist").isTrue();
        String file = policy.group(1);

        assertThat(compose.volumes("keycloak")).contains("./config/password-blacklists/" + file
                + ":/opt/keycloak/data/password-blacklists/" + file + ":ro");
        assertThat(RepoFiles.resolve("config/password-blacklists/" + file)).exists();
    }

    @Test
    void keycloakIsTheImageOfThePinnedVersion() {
        String version = System.getProperty("keycloak.version");
        assertThat(version).as("system property keycloak.version (the POM's ${keycloak.version}; run through Maven)")
                .isNotBlank();

        assertThat(services.path("keycloak").path("image").asText()).isEqualTo("quay.io/keycloak/keycloak:" + version);
    }

    @Test
    void keycloakRunsWithTheProductionOptionsOfTheTests() {
        Map<String, String> environment = compose.environment("keycloak");
        List<String> command = new ArrayList<>();
        services.path("keycloak").path("command").forEach(argument -> command.add(argument.asText()));

        assertThat(command.get(0)).as("production mode").isEqualTo("start");
        assertThat(command).noneMatch(argument -> argument.startsWith("--cache") || argument.equals("start-dev"));
        assertThat(environment).containsAllEntriesOf(ProductionOptions.asEnvironment())
                .doesNotContainKeys("KC_CACHE", "KC_HOSTNAME_STRICT");
        for (String option : ProductionOptions.PER_DEPLOYMENT) {
            assertThat(interpolate(environment.getOrDefault(ProductionOptions.environmentName(option), "")))
                    .as("--%s has a value in compose", option).isNotBlank();
        }
        assertThat(interpolate(environment.get("KC_HOSTNAME"))).as("the public URL is the proxy's")
                .isEqualTo("http://localhost:5000");
        assertThat(interpolate(environment.get("KC_PROXY_TRUSTED_ADDRESSES"))).as("only the proxy may forward")
                .isEqualTo(interpolate(services.path("proxy").path("networks").path("default").path("ipv4_address")
                        .asText()));
        assertThat(compose.volumes("keycloak")).contains("./config/keycloak.conf:/opt/keycloak/conf/keycloak.conf:ro");
        List<String> envFiles = new ArrayList<>();
        services.path("keycloak").path("env_file").forEach(file -> envFiles.add(file.asText()));
        assertThat(envFiles).as("the JVM options the tests give Keycloak").containsExactly("./config/keycloak.env");
    }

    @Test
    void theProxyServesTheShippedNginxConfigurationOnTheSeedsPort() throws IOException {
        JsonNode proxy = services.path("proxy");
        String shipped = Files.readString(RepoFiles.resolve("config/nginx/customer-auth.conf"));

        assertThat(proxy.path("image").asText()).startsWith("nginx:");
        assertThat(compose.volumes("proxy"))
                .containsExactly("./config/nginx/customer-auth.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat(interpolate(proxy.path("ports").get(0).asText())).isEqualTo("127.0.0.1:5000:5000");
        assertThat(shipped).as("the file listens where compose publishes, and proxies to compose's Keycloak")
                .contains("listen 5000;").contains("server keycloak:8080;");
        assertThat(proxy.path("depends_on").has("keycloak")).isTrue();
    }

    @Test
    void theImportToolRunsOnceOnTemurinOnlyWhenItsProfileIsAskedFor() {
        JsonNode importer = services.path("import");
        Map<String, String> environment = compose.environment("import");

        assertThat(importer.path("profiles")).extracting(JsonNode::asText).containsExactly("import");
        assertThat(importer.path("image").asText()).startsWith("eclipse-temurin:17");
        assertThat(importer.path("restart").asText()).isEqualTo("no");
        assertThat(compose.volumes("import")).anyMatch(volume -> volume.startsWith(
                "./import-tool/target/customer-auth-import-tool-") && volume.contains("-all.jar:"));
        assertThat(environment).containsEntry("KEYCLOAK_URL", "http://keycloak:8080");
        assertThat(importer.path("depends_on").path("keycloak").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    /** The host address of a short-syntax port ({@code [HOST:]PUBLISHED:TARGET[/PROTOCOL]}); none means all. */
    private static String hostIp(String port) {
        String[] parts = port.split("/")[0].split(":");
        return parts.length == 3 ? parts[0] : "0.0.0.0 (all interfaces)";
    }
}
