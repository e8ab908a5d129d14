package io.customerauth.it.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard as Grafana imports it: every panel reads the chosen Prometheus data source and the chosen
 * jobs, and it has the panels ops asked for. That every series it names exists on a running server is
 * {@link MonitoringSeriesIT}.
 */
class DashboardTest {

    @Test
    void everyQueryReadsTheChosenDataSourceAndJobs() {
        List<JsonNode> queryPanels = MonitoringFiles.panels().stream()
                .filter(panel -> !panel.path("type").asText().equals("row")).toList();

        assertThat(queryPanels).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        });
        assertThat(MonitoringFiles.dashboardQueries()).allSatisfy(query -> {
            assertThat(query.expr()).as(query.source()).contains("job=~\"$job\"");
            assertThat(PromQlSelectors.of(query.expr()).metrics()).as(query.source()).isNotEmpty();
        });
        assertThat(MonitoringFiles.dashboard().path("templating").path("list"))
                .extracting(variable -> variable.path("name").asText()).contains("datasource", "job");
    }

    @Test
    void itHasThePanelsOpsAskedFor() {
        String titles = MonitoringFiles.panels().stream().map(panel -> panel.path("title").asText())
                .collect(Collectors.joining("\n"));
        String queries = MonitoringFiles.dashboardQueries().stream().map(MonitoringFiles.Query::expr)
                .collect(Collectors.joining("\n"));

        assertThat(titles).contains("API requests by route and status", "API errors by route and status",
                "API latency p50 / p95 / p99 by route", "Login failures by reason", "Reset codes by outcome",
                "Mail queue drops", "Old clients refused (426)", "Import progress", "Heap used", "GC pause time");
        assertThat(queries).contains("histogram_quantile(0.5,", "histogram_quantile(0.95,", "histogram_quantile(0.99,")
                .contains("keycloak_user_events_total").contains("jvm_memory_used_bytes");
    }
}
