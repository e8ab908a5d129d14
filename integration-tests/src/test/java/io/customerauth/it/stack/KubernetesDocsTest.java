package io.customerauth.it.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerauth.it.harness.ProductionOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/kubernetes.md on paper, read as Kubernetes would read its YAML: the Keycloak Operator's {@code Keycloak}
 * resource runs the pack's image of this version optimized, with every production option the harness runs Keycloak with
 * ({@link ProductionOptions}: the image's build options, the start options, the per-deployment ones), two instances or
 * more and every password from a secret; the import {@code Job} runs the tool's image against that Keycloak with the
 * admin's password from a secret, and ends on the exit codes no retry can change.
 */
class KubernetesDocsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("(?s)```yaml\\n(.*?)```");

    private static JsonNode keycloak;
    private static JsonNode job;

    @BeforeAll
    static void read() throws IOException {
        Matcher blocks = YAML_BLOCK.matcher(Files.readString(RepoFiles.resolve("docs/kubernetes.md")));
        List<JsonNode> documents = new ArrayList<>();
        while (blocks.find()) {
            documents.add(new ObjectMapper().valueToTree(new Yaml().load(blocks.group(1))));
        }
        keycloak = documents.stream().filter(document -> document.path("kind").asText().equals("Keycloak"))
                .findFirst().orElseThrow();
        job = documents.stream().filter(document -> document.path("kind").asText().equals("Job"))
                .findFirst().orElseThrow();
    }

    @Test
    void theKeycloakResourceRunsThePacksImageOptimizedOnTwoInstancesOrMore() {
        JsonNode spec = keycloak.path("spec");

        assertThat(keycloak.path("apiVersion").asText()).isEqualTo("k8s.keycloak.org/v2beta1");
        assertThat(spec.path("image").asText()).endsWith("/customer-auth/keycloak:" + ComposeFileTest.projectVersion());
        assertThat(spec.path("startOptimized").asBoolean()).isTrue();
        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theKeycloakResourceCarriesEveryProductionOptionOfTheTests() {
        Map<String, String> options = operatorOptions(keycloak.path("spec"));

        for (String option : concat(ProductionOptions.BUILD, ProductionOptions.START)) {
            String[] nameAndValue = option.substring(2).split("=", 2);
            assertThat(options).as("--%s in the Keycloak resource", nameAndValue[0])
                    .containsEntry(nameAndValue[0], nameAndValue[1]);
        }
        for (String option : ProductionOptions.PER_DEPLOYMENT) {
            assertThat(options.getOrDefault(option, "")).as("--%s has a value of the deployment's", option)
                    .isNotBlank();
        }
        assertThat(options.get("hostname")).as("a full URL: no request header can change it").startsWith("https://");
    }

    @Test
    void everyPasswordComesFromASecret() {
        JsonNode db = keycloak.path("spec").path("db");

        assertThat(db.path("passwordSecret").path("name").asText()).isNotBlank();
        assertThat(db.path("usernameSecret").path("name").asText()).isNotBlank();
        assertThat(db.has("password")).isFalse();
        List<String> environment = new ArrayList<>();
        container().path("env").forEach(variable -> {
            environment.add(variable.path("name").asText());
            if (variable.path("name").asText().contains("PASSWORD")) {
                assertThat(variable.has("value") && !variable.path("name").asText().endsWith("_FILE"))
                        .as("%s is a secret, never a literal", variable.path("name").asText()).isFalse();
            }
        });
        assertThat(environment).contains("KEYCLOAK_ADMIN_PASSWORD_FILE").doesNotContain("KEYCLOAK_ADMIN_PASSWORD");
    }

    @Test
    void theImportJobRunsTheToolsImageAgainstThatKeycloakAndStopsOnFinalExitCodes() {
        JsonNode container = container();
        Map<String, String> environment = new LinkedHashMap<>();
        container.path("env").forEach(variable -> environment.put(variable.path("name").asText(),
                variable.path("value").asText()));

        assertThat(container.path("image").asText())
                .endsWith("/customer-auth/import-tool:" + ComposeFileTest.projectVersion());
        assertThat(environment).containsEntry("KEYCLOAK_URL",
                "http://" + keycloak.path("metadata").path("name").asText() + "-service:8080")
                .containsEntry("KEYCLOAK_REALM", "customers");
        assertThat(job.path("spec").path("template").path("spec").path("restartPolicy").asText()).isEqualTo("Never");
        JsonNode rule = job.path("spec").path("podFailurePolicy").path("rules").get(0);
        assertThat(rule.path("action").asText()).isEqualTo("FailJob");
        List<Integer> finalCodes = new ArrayList<>();
        rule.path("onExitCodes").path("values").forEach(code -> finalCodes.add(code.asInt()));
        assertThat(finalCodes).as("bad command line, rejected records, unreadable file: a retry changes nothing")
                .containsExactlyInAnyOrder(2, 3, 4);
    }

    /** The options the operator gives Keycloak, from the resource's fields and its additional options. */
    private static Map<String, String> operatorOptions(JsonNode spec) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("db", spec.path("db").path("vendor").asText());
        options.put("health-enabled", "true");  // the operator's own: its readiness and liveness probes need it
        options.put("http-enabled", spec.path("http").path("httpEnabled").asText());
        options.put("proxy-headers", spec.path("proxy").path("headers").asText());
        options.put("hostname", spec.path("hostname").path("hostname").asText());
        spec.path("additionalOptions").forEach(option -> options.put(option.path("name").asText(),
                option.path("value").asText()));
        return options;
    }

    private static JsonNode container() {
        return job.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
