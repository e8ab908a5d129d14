package io.customerauth.it.logging;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.ServerLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak serves requests on a pool of worker threads, one request after another. Many requests of different
 * customers, alternating with anonymous ones and with requests to Keycloak's own token endpoint, from a few clients
 * at once: each line carries its own request's values and never one left by an earlier request on the same thread.
 * (Keycloak 26.7's MDC provider keeps MDC values per Vert.x request context; the scope's own cleanup, shown by
 * RequestLogScopeTest, is what keeps them apart wherever the MDC falls back to thread-locals.)
 */
@CustomerAuthIT
class MdcIsolationIT {

    private static final int CLIENTS = 3;
    private static final int ROUNDS = 30;

    private final Api api;
    private final Customers customers;
    private final SeedLog log;

    MdcIsolationIT(Api api, Customers customers, ServerLog serverLog) {
        this.api = api;
        this.customers = customers;
        this.log = SeedLog.of(serverLog);
    }

    /** What one request's pack lines must carry. */
    record Expected(String customerId, String path, int lines) {
    }

    @Test
    void noLineEverCarriesAValueOfAnotherRequest(Oidc oidc) throws Exception {
        List<Customer> people = List.of(customers.create(), customers.create(), customers.create());
        List<String> tokens = people.stream().map(c -> api.accessToken(c.email(), c.password())).toList();
        Map<String, Expected> expected = new ConcurrentHashMap<>();
        String outsider = "mdc-outsider-" + UUID.randomUUID() + "-";

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                clients.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        int who = (first + round) % people.size();
                        String authenticated = SeedLog.newRequestId("mdc-auth");
                        assertThat(api.request("GET", "/").bearer(tokens.get(who))
                                .header("X-Request-ID", authenticated).send().status()).isEqualTo(200);
                        expected.put(authenticated, new Expected(people.get(who).customerId(), "/auth/", 1));

                        String anonymous = SeedLog.newRequestId("mdc-anon");
                        assertThat(api.request("GET", "/version").header("X-Request-ID", anonymous).send().status())
                                .isEqualTo(200);
                        expected.put(anonymous, new Expected("None", "/auth/version", 1));

                        String refused = SeedLog.newRequestId("mdc-refused");
                        assertThat(api.request("POST", "/login/").header("X-Request-ID", refused)
                                .json(Map.of()).send().status()).isEqualTo(400);
                        expected.put(refused, new Expected("None", "/auth/login/", 2));

                        String badToken = SeedLog.newRequestId("mdc-bad-token");
                        assertThat(api.request("GET", "/").bearer("not-a-jwt").header("X-Request-ID", badToken)
                                .send().status()).isEqualTo(401);
                        expected.put(badToken, new Expected("None", "/auth/", 2));

                        assertThat(oidc.passwordGrant("customer-app", outsider + first + "-" + round + "@example.test",
                                "Wrong-password-mdc", Api.CLIENT_VERSION).status()).isBetween(400, 401);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int total = expected.values().stream().mapToInt(Expected::lines).sum();
        List<SeedLine> lines = awaitPackLines(expected, total);
        assertThat(lines).hasSize(total);
        for (SeedLine line : lines) {
            Expected wanted = expected.get(line.requestId());
            assertThat(line.customerId()).as("customer_id of %s", line).isEqualTo(wanted.customerId());
            assertThat(line.path()).as("path of %s", line).isEqualTo(wanted.path());
            assertThat(line.remoteAddr()).as("remote_addr of %s", line).isEqualTo("127.0.0.1");
        }
        assertThat(lines).filteredOn(line -> !line.customerId().equals("None")).hasSize(CLIENTS * ROUNDS);

        List<SeedLine> keycloaksOwn = log.parsed().stream().filter(line -> line.message().contains(outsider)).toList();
        assertThat(keycloaksOwn).as("Keycloak's LOGIN_ERROR lines of its token endpoint").hasSize(CLIENTS * ROUNDS)
                .allSatisfy(line -> {
                    assertThat(line.requestId()).isEmpty();
                    assertThat(line.customerId()).isEmpty();
                    assertThat(line.path()).isEmpty();
                    assertThat(line.remoteAddr()).isEmpty();
                    assertThat(line.logType()).isEmpty();
                });
    }

    private List<SeedLine> awaitPackLines(Map<String, Expected> expected, int total) {
        List<SeedLine> lines = List.of();
        for (int attempt = 0; attempt < 100 && lines.size() < total; attempt++) {
            lines = log.parsed().stream()
                    .filter(line -> line.file().equals(SeedLog.SCOPE_FILE))
                    .filter(line -> expected.containsKey(line.requestId()))
                    .toList();
            if (lines.size() < total) {
                SeedLog.sleep(Duration.ofMillis(100));
            }
        }
        return lines;
    }
}
