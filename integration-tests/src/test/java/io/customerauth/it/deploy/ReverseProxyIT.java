package io.customerauth.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.ReverseProxy;
import io.customerauth.it.harness.ServerLog;
import io.customerauth.it.harness.StrictJson;
import io.customerauth.it.harness.TestStack;
import io.customerauth.it.logging.SeedLine;
import io.customerauth.it.logging.SeedLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The seed's clients, unchanged, behind the shipped nginx configuration ({@code config/nginx/customer-auth.conf}):
 * Debian's nginx runs it in front of the test server. Each client here calls from a loopback address of its own
 * (127.0.0.3 and up), so what Keycloak logs and counts is visibly the client's address, not the proxy's (127.0.0.2)
 * nor the test JVM's (127.0.0.1).
 *
 * <p>Without nginx installed the class is skipped with a message, except under CI ({@code CI=true}), where it fails:
 * {@code .ci/run} installs nginx.
 */
@CustomerAuthIT
class ReverseProxyIT {

    private static final String ANA = "ana@example.com";
    private static final String ANA_USER = "{\"country\":\"FR\",\"customer_id\":\"8b4a1343-292d-45ed-ba5f-846fa9167ede\","
            + "\"email\":\"ana@example.com\",\"language\":\"fr\"}";
    private static final String NOT_FOUND = "{\"message\":\"Not found.\"}";
    private static final String TOO_MANY = "{\"message\":\"Too many requests.\"}";

    private static ReverseProxy proxy;

    @BeforeAll
    static void startNginx(TestStack stack) {
        Optional<Path> nginx = ReverseProxy.nginx();
        if (nginx.isEmpty()) {
            String message = "nginx is not installed (Debian: apt-get install nginx-light), so the shipped reverse-proxy"
                    + " configuration cannot be tested here";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ": under CI (CI=true) that is a failure; .ci/run installs it");
            }
            Assumptions.abort(message + ": skipped (under CI=true this fails instead)");
        }
        proxy = stack.startReverseProxy(nginx.get());
    }

    @AfterAll
    static void stopNginx() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void theSeedsFourExampleRequestsWorkByteForByteOnTheSeedsPaths(Customers customers, Mailbox mailbox,
                                                                  Events events, ServerLog serverLog) {
        Customer ana = customers.create(Customers.spec().email(ANA).password("Correct-Horse-1")
                .customerId("8b4a1343-292d-45ed-ba5f-846fa9167ede").country("FR").language("fr"));
        String client = "127.0.0.3";

        Wire.Answer login = Wire.send(client, proxy.port(), Wire.curlRequest("POST", "/auth/login/", proxy.port(),
                "{\"email\":\"ana@example.com\",\"password\":\"Correct-Horse-1\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json"));

        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        assertThat(login.header("Content-Type")).startsWith("application/json");
        assertThat(login.json().path("data").path("user")).isEqualTo(json(ANA_USER));
        assertThat(login.json().path("data").path("refresh_token").asText()).isNotEmpty();
        String jwt = login.json().path("data").path("jwt").asText();
        assertThat(Oidc.claims(jwt).path("iss").asText()).isEqualTo(proxy.url() + "/realms/customers");
        SeedLine accessLine = SeedLog.of(serverLog).linesOf(login.header("X-Request-ID"), 1).get(0);
        assertThat(accessLine.message()).isEqualTo("POST /auth/login/ 200");
        assertThat(accessLine.remoteAddr()).as("remote_addr is the client's, not the proxy's").isEqualTo(client);
        assertThat(events.await(ana.id(), "LOGIN").getIpAddress()).isEqualTo(client);

        Wire.Answer currentUser = Wire.send(client, proxy.port(), Wire.curlRequest("GET", "/auth/", proxy.port(), null,
                "X-Client-Version: 2.1.0", "Authorization: Bearer " + jwt));

        assertThat(currentUser.status()).as("current user: %s", currentUser).isEqualTo(200);
        assertThat(currentUser.json()).isEqualTo(json("{\"data\":{\"user\":" + ANA_USER + "}}"));

        Wire.Answer forgot = Wire.send(client, proxy.port(), Wire.curlRequest("POST", "/auth/forgot_password/",
                proxy.port(), "{\"email\":\"ana@example.com\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json"));

        assertThat(forgot.status()).isEqualTo(200);
        assertThat(forgot.body()).isEqualTo("{\"message\":\"If you have an account, you will receive an email with"
                + " instructions to reset your password.\"}");

        String code = mailbox.awaitMail(ANA).verificationCode();
        Wire.Answer reset = Wire.send(client, proxy.port(), Wire.curlRequest("POST", "/auth/reset_password/",
                proxy.port(), "{\"email\":\"ana@example.com\",\"verification_code\":\"" + code
                        + "\",\"password\":\"New-Secret-42\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json"));

        assertThat(reset.status()).as("reset: %s", reset).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"message\":\"Password reset.\"}");
        assertThat(Wire.send(client, proxy.port(), Wire.curlRequest("POST", "/auth/login/", proxy.port(),
                "{\"email\":\"ana@example.com\",\"password\":\"New-Secret-42\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json")).status()).isEqualTo(200);
    }

    @Test
    void tokensCarryThePublicUrlWhateverForwardedHeadersTheClientForges(Customers customers, ServerLog serverLog) {
        Customer customer = customers.create();
        String client = "127.0.0.4";
        String requestId = "forged-" + UUID.randomUUID();

        Wire.Answer login = Wire.send(client, proxy.port(), Wire.curlRequest("POST", "/auth/login/", proxy.port(),
                Api.toJson(Map.of("email", customer.email(), "password", customer.password())),
                "X-Client-Version: 2.1.0", "Content-Type: application/json", "X-Request-ID: " + requestId,
                "X-Forwarded-For: 6.6.6.6", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
                "X-Forwarded-Port: 1", "X-Forwarded-Ssl: on", "Forwarded: for=6.6.6.7;proto=https;host=evil.example"));

        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        assertThat(Oidc.claims(login.json().path("data").path("jwt").asText()).path("iss").asText())
                .isEqualTo(proxy.url() + "/realms/customers");
        assertThat(SeedLog.of(serverLog).linesOf(requestId, 1).get(0).remoteAddr()).isEqualTo(client);

        Wire.Answer discovery = Wire.send(client, proxy.port(), Wire.curlRequest("GET",
                "/realms/customers/.well-known/openid-configuration", proxy.port(), null, "X-Forwarded-Host: evil.example"));
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.json().path("issuer").asText()).isEqualTo(proxy.url() + "/realms/customers");
        assertThat(discovery.json().path("token_endpoint").asText())
                .isEqualTo(proxy.url() + "/realms/customers/protocol/openid-connect/token");
        assertThat(Wire.send(client, proxy.port(), Wire.curlRequest("GET",
                "/realms/customers/protocol/openid-connect/certs", proxy.port(), null)).json().path("keys"))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin/master/console/", "/admin/realms/customers/users", "/metrics",
            "/health", "/health/ready", "/realms/master", "/realms/master/protocol/openid-connect/certs",
            "/realms/customers/../../admin/realms/customers/users", "/realms/m%61ster/.well-known/openid-configuration",
            "/auth/login;x=1/", "/"})
    void theAdminSideMetricsAndHealthAreNotOnThePublicSide(String path) {
        Wire.Answer answer = Wire.send("127.0.0.1", proxy.port(), Wire.curlRequest("GET", path, proxy.port(), null));

        assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo(NOT_FOUND);
    }

    @Test
    void anOldOrMissingClientVersionIsRefusedThroughTheProxyAsByTheApiItself(Api api) {
        Wire.Answer old = Wire.send("127.0.0.1", proxy.port(), Wire.curlRequest("POST", "/auth/login/", proxy.port(),
                "{\"email\":\"ana@example.com\",\"password\":\"Correct-Horse-1\"}",
                "X-Client-Version: 1.0.0", "Content-Type: application/json"));
        Wire.Answer missing = Wire.send("127.0.0.1", proxy.port(), Wire.curlRequest("GET", "/auth/version",
                proxy.port(), null));

        assertThat(old.status()).isEqualTo(426);
        assertThat(old.json().path("minimum_version").asText()).isEqualTo("2.1.0");
        assertThat(old.body()).isEqualTo(api.request("GET", "/version").header("X-Client-Version", "1.0.0").send()
                .body());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo(api.request("GET", "/version").header("X-Client-Version", null).send()
                .body());
    }

    /** Each route from an address of its own, so that the limits of the other tests' clients do not count. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/login/           | /realms/customers/auth/login/           | 401 | 127.0.0.11 | 127.0.0.21 |"
                    + " {\"email\":\"nobody@example.test\",\"password\":\"Wrong-password-1\"}",
            "/auth/forgot_password/ | /realms/customers/auth/forgot_password/ | 200 | 127.0.0.12 | 127.0.0.22 |"
                    + " {\"email\":\"nobody@example.test\"}",
            "/auth/reset_password/  | /realms/customers/auth/reset_password/  | 400 | 127.0.0.13 | 127.0.0.23 |"
                    + " {\"email\":\"nobody@example.test\",\"password\":\"New-Secret-42\","
                    + "\"verification_code\":\"00000000-0000-4000-8000-000000000000\"}"})
    void beyondItsRateARouteAnswers429AsJsonToThatAddressOnly(String seedPath, String keycloakPath, int usualStatus,
                                                              String client, String otherClient, String body) {
        List<Integer> statuses = new ArrayList<>();
        Wire.Answer limited = null;
        while (limited == null && statuses.size() < 60) {
            Wire.Answer answer = Wire.send(client, proxy.port(), post(seedPath, body));
            statuses.add(answer.status());
            if (answer.status() == 429) {
                limited = answer;
            }
        }

        assertThat(limited).as("a 429 within 60 requests to %s; got %s", seedPath, statuses).isNotNull();
        assertThat(statuses.subList(0, statuses.size() - 1)).as("the answers before the limit").containsOnly(usualStatus);
        assertThat(limited.header("Content-Type")).isEqualTo("application/json");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.body()).isEqualTo(TOO_MANY);
        assertThat(Wire.send(client, proxy.port(), post(keycloakPath, body)).status())
                .as("Keycloak's own path of the route shares its limit").isEqualTo(429);
        assertThat(Wire.send(otherClient, proxy.port(), post(seedPath, body)).status())
                .as("another address is not limited").isEqualTo(usualStatus);
    }

    private static String post(String path, String body) {
        return Wire.curlRequest("POST", path, proxy.port(), body, "X-Client-Version: 2.1.0",
                "Content-Type: application/json");
    }

    private static JsonNode json(String text) {
        try {
            return StrictJson.parse(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
