package io.customerauth.it.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is safe to start as it is (no Docker engine runs here, so its text is checked): every published
 * port listens on 127.0.0.1 unless the user says otherwise, and no password has a default, so compose refuses to
 * start until the user sets real secrets. Values are read as compose interpolates them with nothing set.
 */
class ComposeFileTest {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}, {@code ${NAME?error}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final String REQUIRED = "\u0000required:";

    private static JsonNode services;
    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        services = new ObjectMapper(new YAMLFactory()).readTree(RepoFiles.resolve("docker-compose.yml").toFile())
                .path("services");
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

        assertThat(published).as("the mail catcher and Keycloak are published").hasSizeGreaterThanOrEqualTo(2);
        assertThat(services.path("mail").path("ports").get(0).asText())
                .as("the mail catcher shows every code: loopback, with no way to change it")
                .startsWith("127.0.0.1:");
    }

    @Test
    void noPasswordHasADefaultSoComposeRefusesToStartWithoutRealSecrets() {
        Map<String, String> keycloak = environment("keycloak");

        assertThat(interpolate(keycloak.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))).startsWith(REQUIRED);
        assertThat(interpolate(keycloak.get("KC_DB_PASSWORD"))).startsWith(REQUIRED);
        assertThat(interpolate(environment("postgres").get("POSTGRES_PASSWORD"))).startsWith(REQUIRED);
        services.fieldNames().forEachRemaining(service -> environment(service).forEach((name, value) -> {
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

        List<String> volumes = new ArrayList<>();
        services.path("keycloak").path("volumes").forEach(volume -> volumes.add(volume.asText()));

        assertThat(volumes).contains("./config/password-blacklists/" + file
                + ":/opt/keycloak/data/password-blacklists/" + file + ":ro");
        assertThat(RepoFiles.resolve("config/password-blacklists/" + file)).exists();
    }

    /** A service's environment, in either of compose's forms (a map, or a list of {@code NAME=value}). */
    private static Map<String, String> environment(String service) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode environment = services.path(service).path("environment");
        if (environment.isObject()) {
            environment.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        } else {
            environment.elements().forEachRemaining(entry -> {
                String[] nameAndValue = entry.asText().split("=", 2);
                values.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            });
        }
        return values;
    }

    /** As compose with an empty environment; a required variable becomes a marker instead of an error. */
    static String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String operator = matcher.group(2);
            String replacement;
            if (operator == null) {
                replacement = "";
            } else if (operator.endsWith("?")) {
                replacement = REQUIRED + matcher.group(1);
            } else {
                replacement = matcher.group(3);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The host address of a short-syntax port ({@code [HOST:]PUBLISHED:TARGET[/PROTOCOL]}); none means all. */
    private static String hostIp(String port) {
        String[] parts = port.split("/")[0].split(":");
        return parts.length == 3 ? parts[0] : "0.0.0.0 (all interfaces)";
    }
}
