package io.customerauth.it.monitoring;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.BulkEndpoint;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.ServerMetrics;
import io.customerauth.it.harness.ServerMetrics.Snapshot;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every series the dashboard and the alert rules read is one the running server really shows on {@code /metrics},
 * with the labels they match and group on: the server first does each thing a series counts (a login and a failed
 * one, an old client, a forgot-password request, a bulk import), since a counter appears at its first count.
 * {@code job} and {@code instance} are Prometheus' own labels, added when it scrapes.
 */
@CustomerAuthIT
class MonitoringSeriesIT {

    private static final Set<String> SCRAPE_LABELS = Set.of("job", "instance");

    @Test
    void everySeriesOfTheDashboardAndTheAlertsExists(Api api, Customers customers, Keycloak admin,
                                                      ServerMetrics metrics) throws InterruptedException {
        Customer customer = customers.create();
        api.accessToken(customer.email(), customer.password());
        api.login(customer.email(), "Wrong-password-1");
        api.request("GET", "/version").header("X-Client-Version", "0.0.1").send();
        api.post("/forgot_password/", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test"));
        BulkEndpoint.post(api, admin.tokenManager().getAccessTokenString(),
                List.of(BulkEndpoint.newCustomer("monitoring")));
        Snapshot shown = awaitSeries(metrics, "customer_auth_reset_codes_total");

        List<MonitoringFiles.Query> queries = new ArrayList<>(MonitoringFiles.dashboardQueries());
        queries.addAll(MonitoringFiles.alertQueries());
        List<String> missing = new ArrayList<>();
        for (MonitoringFiles.Query query : queries) {
            PromQlSelectors selectors = PromQlSelectors.of(query.expr());
            Set<String> labelsShown = new HashSet<>();
            for (String metric : selectors.metrics()) {
                if (!shown.has(metric)) {
                    missing.add(query.source() + ": no series " + metric);
                }
                shown.samples().getOrDefault(metric, Map.of()).keySet().forEach(labels -> labelsShown.addAll(labels.keySet()));
            }
            selectors.labels().stream().filter(label -> !SCRAPE_LABELS.contains(label) && !labelsShown.contains(label))
                    .forEach(label -> missing.add(query.source() + ": no label " + label + " on " + selectors.metrics()));
        }

        assertThat(PromQlSelectors.metricsOf(queries)).as("the check reads the queries' series")
                .contains("customer_auth_requests_total", "customer_auth_request_duration_seconds_bucket",
                        "keycloak_user_events_total", "jvm_memory_used_bytes");
        assertThat(missing).as("series and labels the dashboard or the alerts read that /metrics does not show")
                .isEmpty();
    }

    /** The unknown email's job runs after the answer: its counter says when it has. */
    private static Snapshot awaitSeries(ServerMetrics metrics, String name) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Snapshot now = metrics.scrape();
        while (!now.has(name) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = metrics.scrape();
        }
        return now;
    }
}
