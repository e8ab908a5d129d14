package io.customerauth.it.logging;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.ServerLog;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Values a caller controls never break a line: each log call of a request is exactly one line of test.log. */
@CustomerAuthIT
class LineInjectionIT {

    /** What an attacker would like to see as a line of its own: a fake successful request of someone else. */
    private static final String FORGED = "[2030-01-01 00:00:00,000][6.6.6.6][forged-id][forged-customer][/auth/]"
            + "[logger.py][49][INFO][server]: GET /auth/ 200";

    private final Api api;
    private final SeedLog log;

    LineInjectionIT(Api api, ServerLog serverLog) {
        this.api = api;
        this.log = SeedLog.of(serverLog);
    }

    @Test
    void anEmailHoldingCrLfGivesExactlyOneLinePerLogCall() {
        String requestId = SeedLog.newRequestId("crlf-email");

        Api.Response response = api.request("POST", "/login/").header("X-Request-ID", requestId)
                .json(Map.of("email", "evil\r\n" + FORGED + "\r\n@example.test", "password", "Irrelevant-1")).send();

        assertThat(response.status()).isEqualTo(400);
        List<SeedLine> lines = log.everyLineOf(requestId, 2);
        assertThat(lines).extracting(SeedLine::level).containsExactly("WARNING", "INFO");
        assertThat(lines.get(0).message()).isEqualTo("{'email': ['Not a valid email address.']}");
        assertEachLineStandsAlone(requestId);
        assertThat(log.raw()).noneMatch(line -> line.contains("forged-id"));
    }

    @Test
    void aPasswordHoldingCrLfGivesExactlyOneLinePerLogCall(Customers customers) {
        Customer customer = customers.create();
        String requestId = SeedLog.newRequestId("crlf-password");

        Api.Response response = api.request("POST", "/login/").header("X-Request-ID", requestId)
                .json(Map.of("email", customer.email(), "password", "Wrong\r\n" + FORGED)).send();

        assertThat(response.status()).isEqualTo(401);
        List<SeedLine> lines = log.everyLineOf(requestId, 3);
        // Keycloak's own LOGIN_ERROR event line, inside the request, keeps JBoss's level name; the pack's are the seed's
        assertThat(lines).extracting(SeedLine::level).containsExactly("WARN", "WARNING", "INFO");
        assertEachLineStandsAlone(requestId);
        assertThat(log.raw()).noneMatch(line -> line.contains("forged-id"));
    }

    @Test
    void anEmailWithAnsiEscapesNeverPutsAnEscapeInTheLog() {
        String requestId = SeedLog.newRequestId("ansi-email");

        api.request("POST", "/login/").header("X-Request-ID", requestId)
                .json(Map.of("email", "\u001b[2J\u001b[31mevil@example.test", "password", "Irrelevant-1")).send();

        assertThat(log.everyLineOf(requestId, 2)).hasSize(2);
        assertThat(log.raw()).noneMatch(line -> line.contains("\u001b"));
    }

    /** Unknown routes answer 404 through the API too, so the path is the caller's: its lines escape it. */
    @Test
    void aPathHoldingCrLfAndEscapesStaysOnTheRequestsOwnLines() {
        String forged = FORGED.replace("forged-id", "forged-path-id");
        String requestId = SeedLog.newRequestId("crlf-path");

        Api.Response response = api.request("GET", "/x%0D%0A" + encode(forged) + "%1B%5B2J")
                .header("X-Request-ID", requestId).send();

        assertThat(response.status()).isEqualTo(404);
        List<SeedLine> lines = log.everyLineOf(requestId, 2);
        assertThat(lines).extracting(SeedLine::level).containsExactly("WARNING", "INFO");
        assertThat(lines).extracting(SeedLine::path).containsOnly("/auth/x\\r\\n" + forged.replace("[", "\\u005b")
                .replace("]", "\\u005d") + "\\u001b\\u005b2J");
        assertThat(lines.get(1).message()).isEqualTo("GET /auth/x\\r\\n" + forged + "\\u001b[2J 404");
        assertThat(lines).extracting(SeedLine::customerId, SeedLine::remoteAddr).containsOnly(tuple("None", "127.0.0.1"));
        assertEachLineStandsAlone(requestId);
        assertThat(log.raw()).noneMatch(line -> line.startsWith("[2030-01-01"))
                .noneMatch(line -> line.contains("\u001b"));
    }

    @Test
    void bracketsInThePathNeverShiftTheFields() {
        String requestId = SeedLog.newRequestId("bracket-path");

        api.request("GET", "/x%5D%5Bforged-customer%5D%5B").header("X-Request-ID", requestId).send();

        assertThat(log.everyLineOf(requestId, 2)).allSatisfy(line -> {
            assertThat(line.path()).isEqualTo("/auth/x\\u005d\\u005bforged-customer\\u005d\\u005b");
            assertThat(line.customerId()).isEqualTo("None");
            assertThat(line.file()).isEqualTo(SeedLog.SCOPE_FILE);
        });
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The physical line after each of the request's lines is a new line of the format (or the end of the file). */
    private void assertEachLineStandsAlone(String requestId) {
        List<String> raw = log.raw();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).contains("][" + requestId + "][")) {
                assertThat(SeedLine.parse(raw.get(i))).as("line %s", i).isPresent();
                if (i + 1 < raw.size()) {
                    assertThat(SeedLine.parse(raw.get(i + 1))).as("the line after %s: %s", i, raw.get(i + 1))
                            .isPresent();
                }
            }
        }
    }
}
