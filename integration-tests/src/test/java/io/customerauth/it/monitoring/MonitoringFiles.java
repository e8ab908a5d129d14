package io.customerauth.it.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.customerauth.it.stack.RepoFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitoring the project ships: the Grafana dashboard ({@code config/grafana/customer-auth-dashboard.json}) and
 * the Prometheus alert rules ({@code config/prometheus/customer-auth-alerts.yml}), with the PromQL each one runs.
 */
final class MonitoringFiles {

    static final String DASHBOARD = "config/grafana/customer-auth-dashboard.json";
    static final String ALERT_RULES = "config/prometheus/customer-auth-alerts.yml";
    static final String ALERT_RULES_TEST = "config/prometheus/customer-auth-alerts.test.yml";

    /** One PromQL expression and where it comes from (a panel's title, an alert's name). */
    record Query(String source, String expr) {
    }

    private MonitoringFiles() {
    }

    static JsonNode dashboard() {
        return read(RepoFiles.resolve(DASHBOARD), new ObjectMapper());
    }

    static JsonNode alertRules() {
        return read(RepoFiles.resolve(ALERT_RULES), new ObjectMapper(new YAMLFactory()));
    }

    /** Every panel of the dashboard, those inside collapsed rows too. */
    static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query("panel \"" + panel.path("title").asText() + "\"", target.path("expr").asText()));
            }
        }
        return queries;
    }

    static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : alertRules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(rule);
                }
            }
        }
        return alerts;
    }

    static List<Query> alertQueries() {
        return alerts().stream().map(rule -> new Query("alert " + rule.path("alert").asText(),
                rule.path("expr").asText())).toList();
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
