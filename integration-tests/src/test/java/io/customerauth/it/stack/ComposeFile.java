package io.customerauth.it.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker-compose.yml} as compose reads it with nothing set in the environment, for tests that read the file
 * without a Docker engine: services (YAML anchors and {@code <<} merge keys resolved, as compose resolves them), their
 * environment and volumes, values interpolated.
 */
final class ComposeFile {

    /** What a required variable ({@code ${NAME:?error}}) becomes instead of compose's error. */
    static final String REQUIRED = "\u0000required:";
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}, {@code ${NAME?error}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile read() {
        try {
            // SnakeYAML resolves anchors and merge keys; Jackson's YAML reader keeps "<<" as a plain key.
            Object document = new Yaml().load(Files.readString(RepoFiles.resolve("docker-compose.yml")));
            return new ComposeFile(new ObjectMapper().valueToTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    JsonNode services() {
        return root.path("services");
    }

    JsonNode service(String name) {
        return services().path(name);
    }

    /** A service's environment, in either of compose's forms (a map, or a list of {@code NAME=value}), as written. */
    Map<String, String> environment(String service) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode environment = service(service).path("environment");
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

    /** A service's short-syntax volumes ({@code SOURCE:TARGET[:MODE]}), interpolated. */
    List<String> volumes(String service) {
        List<String> volumes = new ArrayList<>();
        service(service).path("volumes").forEach(volume -> volumes.add(interpolate(volume.asText())));
        return volumes;
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
}
