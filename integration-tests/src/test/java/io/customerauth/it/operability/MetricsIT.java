package io.customerauth.it.operability;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.ServerMetrics;
import io.customerauth.it.harness.ServerMetrics.Snapshot;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack's series on Keycloak's own {@code /metrics} (management port, {@code --metrics-enabled=true}), read
 * before and after real calls: requests and latency per route and status class, client-version refusals by minimum,
 * bulk import records by result; and no label that names a user.
 */
@CustomerAuthIT
class MetricsIT {

    private static final String REQUESTS = "customer_auth_requests_total";
    private static final String DURATION_COUNT = "customer_auth_request_duration_seconds_count";

    private final Api api;
    private final ServerMetrics metrics;

    MetricsIT(Api api, ServerMetrics metrics) {
        this.api = api;
        this.metrics = metrics;
    }

    @Test
    void everyApiRequestIsCountedAndTimedByRouteAndStatusClass(Customers customers) {
        Customer customer = customers.create();
        Snapshot before = metrics.scrape();

        String jwt = api.accessToken(customer.email(), customer.password());
        api.login(customer.email(), "Wrong-password-1");
        api.currentUser(jwt);
        api.post("/forgot_password/", Map.of("email", customer.email()));
        api.post("/reset_password/", Map.of("email", customer.email(), "password", "New-password-1",
                "verification_code", "not-the-code"));
        api.get("/version");
        api.get("/no-such-route");

        Snapshot after = metrics.scrape();
        assertIncrease(before, after, REQUESTS, 1, "route", "login", "status", "2xx");
        assertIncrease(before, after, REQUESTS, 1, "route", "login", "status", "4xx");
        assertIncrease(before, after, REQUESTS, 1, "route", "current_user", "status", "2xx");
        assertIncrease(before, after, REQUESTS, 1, "route", "forgot_password", "status", "2xx");
        assertIncrease(before, after, REQUESTS, 1, "route", "reset_password", "status", "4xx");
        assertIncrease(before, after, REQUESTS, 1, "route", "version", "status", "2xx");
        assertIncrease(before, after, REQUESTS, 1, "route", "other", "status", "4xx");
        assertIncrease(before, after, DURATION_COUNT, 2, "route", "login");
        assertThat(after.has("customer_auth_request_duration_seconds_bucket")).as("a latency histogram").isTrue();
        assertThat(after.text()).doesNotContain(customer.email()).doesNotContain(customer.customerId())
                .doesNotContain(customer.id());
    }

    @Test
    void oldClientsAreCountedByMinimumAtTheApiAndTheTokenEndpoint(Oidc oidc, Customers customers) {
        Customer customer = customers.create();
        Snapshot before = metrics.scrape();

        api.request("GET", "/version").header("X-Client-Version", "2.0.9").send();
        oidc.passwordGrant("customer-app", customer.email(), customer.password(), "1.9.0");

        Snapshot after = metrics.scrape();
        assertIncrease(before, after, "customer_auth_client_version_refusals_total", 1,
                "endpoint", "api", "minimum", "2.1.0");
        assertIncrease(before, after, "customer_auth_client_version_refusals_total", 1,
                "endpoint", "token", "minimum", "2.1.0");
        assertIncrease(before, after, REQUESTS, 1, "route", "version", "status", "4xx");
    }

    @Test
    void bulkImportRecordsAreCountedByResult(Keycloak admin) {
        String email = "metrics-" + UUID.randomUUID() + "@example.test";
        Map<String, Object> good = Map.of("username", email, "email", email, "enabled", true,
                "attributes", Map.of("customer_id", List.of(UUID.randomUUID().toString()),
                        "country", List.of("FR"), "language", List.of("fr")));
        Map<String, Object> bad = Map.of("username", "x-" + email, "email", "x-" + email, "enabled", true,
                "attributes", Map.of("customer_id", List.of("not-a-uuid"), "country", List.of("FR"),
                        "language", List.of("fr")));
        Snapshot before = metrics.scrape();

        Api.Response response = api.request("POST", "").at(api.url("/admin/realms/customers/customer-import/users"))
                .bearer(admin.tokenManager().getAccessTokenString())
                .json(Map.of("ifResourceExists", "SKIP", "users", List.of(good, bad, good))).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Snapshot after = metrics.scrape();
        assertIncrease(before, after, "customer_auth_import_records_total", 1, "result", "created");
        assertIncrease(before, after, "customer_auth_import_records_total", 2, "result", "rejected");
    }

    private static void assertIncrease(Snapshot before, Snapshot after, String name, double increase,
                                       String... labels) {
        assertThat(after.value(name, labels) - before.value(name, labels))
                .as("increase of %s%s", name, List.of(labels)).isEqualTo(increase);
    }
}
