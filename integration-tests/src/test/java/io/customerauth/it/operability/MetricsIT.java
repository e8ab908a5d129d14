package io.customerauth.it.operability;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.BulkEndpoint;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.ServerMetrics;
import io.customerauth.it.harness.ServerMetrics.Snapshot;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Map<String, Object> good = BulkEndpoint.customer(email, UUID.randomUUID().toString(), "FR", "fr");
        Map<String, Object> bad = BulkEndpoint.customer("x-" + email, "not-a-uuid", "FR", "fr");
        Snapshot before = metrics.scrape();

        Api.Response response = BulkEndpoint.post(api, admin.tokenManager().getAccessTokenString(),
                List.of(good, bad, good));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Snapshot after = metrics.scrape();
        assertIncrease(before, after, "customer_auth_import_records_total", 1, "result", "created");
        assertIncrease(before, after, "customer_auth_import_records_total", 2, "result", "rejected");
    }

    @Test
    void verificationCodesAreCountedByOutcome(Customers customers, Mailbox mailbox) throws InterruptedException {
        Customer used = customers.create();
        Customer guessed = customers.create();
        Snapshot before = metrics.scrape();

        api.post("/forgot_password/", Map.of("email", used.email()));
        api.post("/forgot_password/", Map.of("email", guessed.email()));
        api.post("/forgot_password/", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test"));
        String code = codeIn(mailbox.awaitMail(used.email()));
        mailbox.awaitMail(guessed.email());
        api.post("/reset_password/", Map.of("email", used.email(), "verification_code", code,
                "password", "Brand-new-password-7"));
        for (int guess = 0; guess < 5; guess++) {
            api.post("/reset_password/", Map.of("email", guessed.email(), "verification_code",
                    UUID.randomUUID().toString(), "password", "Brand-new-password-7"));
        }

        Snapshot after = awaitIncrease(before, "customer_auth_reset_codes_total", 1, "outcome", "no_account");
        assertIncrease(before, after, "customer_auth_reset_codes_total", 2, "outcome", "mailed");
        assertIncrease(before, after, "customer_auth_reset_codes_total", 1, "outcome", "used");
        assertIncrease(before, after, "customer_auth_reset_codes_total", 1, "outcome", "wrong_tries_exhausted");
    }

    private static String codeIn(Mailbox.Mail mail) {
        Matcher matcher = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .matcher(mail.text());
        assertThat(matcher.find()).as("a code in %s", mail.text()).isTrue();
        return matcher.group();
    }

    /** The job of an unknown email leaves no mail to wait for: its counter is what says it has run. */
    private Snapshot awaitIncrease(Snapshot before, String name, double increase, String... labels)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Snapshot now = metrics.scrape();
        while (now.value(name, labels) - before.value(name, labels) < increase && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = metrics.scrape();
        }
        assertIncrease(before, now, name, increase, labels);
        return now;
    }

    private static void assertIncrease(Snapshot before, Snapshot after, String name, double increase,
                                       String... labels) {
        assertThat(after.value(name, labels) - before.value(name, labels))
                .as("increase of %s%s", name, List.of(labels)).isEqualTo(increase);
    }
}
