package io.customerauth.it.logging;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.ServerLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code X-Request-ID}: a safe one is kept, logged and echoed; anything else is replaced by a fresh UUID. */
@CustomerAuthIT
class RequestIdIT {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final String API_PATH = "/realms/customers/auth/version";

    private final Api api;
    private final SeedLog log;

    RequestIdIT(Api api, ServerLog serverLog) {
        this.api = api;
        this.log = SeedLog.of(serverLog);
    }

    @Test
    void aSafeRequestIdIsTheOneLoggedAndEchoed() {
        String requestId = SeedLog.newRequestId("safe_id.v1");

        Api.Response response = api.request("GET", "/version").header("X-Request-ID", requestId).send();

        assertThat(response.header("X-Request-ID")).isEqualTo(requestId);
        assertThat(log.linesOf(requestId, 1).get(0).message()).isEqualTo("GET /auth/version 200");
    }

    @Test
    void theRequestIdIsEchoedOnErrorsAndLoggedOnEachOfTheirLines() {
        String requestId = SeedLog.newRequestId("error-id");

        Api.Response response = api.request("POST", "/login/").header("X-Request-ID", requestId)
                .json(Map.of()).send();

        assertThat(response.header("X-Request-ID")).isEqualTo(requestId);
        assertThat(log.linesOf(requestId, 2)).extracting(SeedLine::requestId).containsOnly(requestId);
    }

    @Test
    void withoutARequestIdTheServerMakesAUuidAndLogsIt() {
        Api.Response response = api.get("/version");

        String made = response.header("X-Request-ID");
        assertThat(made).matches(UUID);
        assertThat(log.linesOf(made, 1).get(0).message()).isEqualTo("GET /auth/version 200");
    }

    static Stream<String> unsafeButDeliverable() {
        return Stream.of("a [fake]", "a\t[fake]", "ids-with-é", "../../etc/passwd", "a;b", "a\"b", "x".repeat(65));
    }

    @ParameterizedTest
    @MethodSource("unsafeButDeliverable")
    void anUnsafeRequestIdThatReachesTheApiIsReplacedByAUuid(String hostile) {
        RawHttp.Answer answer = RawHttp.get(api.serverUrl(), API_PATH, "X-Client-Version: 2.1.0",
                "X-Request-ID: " + hostile);

        assertReplaced(answer, hostile);
    }

    @Test
    void aFiveHundredCharacterRequestIdIsReplacedByAUuid() {
        String sent = "a".repeat(500);

        Api.Response response = api.request("GET", "/version").header("X-Request-ID", sent).send();

        String made = response.header("X-Request-ID");
        assertThat(made).matches(UUID);
        assertThat(log.linesOf(made, 1)).singleElement()
                .satisfies(line -> assertThat(line.requestId()).isEqualTo(made));
        assertThat(log.raw()).noneMatch(line -> line.contains(sent));
    }

    /** An obsolete folded header line (CRLF, then a space) is accepted by the HTTP layer and reaches the API. */
    @Test
    void aFoldedCrLfRequestIdIsReplacedByAUuid() {
        RawHttp.Answer answer = RawHttp.get(api.serverUrl(), API_PATH, "X-Client-Version: 2.1.0",
                "X-Request-ID: a\r\n [fake]");

        assertReplaced(answer, "[fake]");
    }

    /**
     * CR, LF, ESC or NUL inside a header value never reach the API: Keycloak's HTTP layer refuses the request with
     * a bare 400 first. Either way no line of the log starts with the injected text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a\r\n[fake-line]", "a\n[fake-line]", "a\r[fake-line]", "a\u001b[31m[fake-line]",
            "a\u0000[fake-line]"})
    void aRequestIdWithControlCharactersNeverMakesALine(String hostile) {
        RawHttp.Answer answer = RawHttp.get(api.serverUrl(), API_PATH, "X-Client-Version: 2.1.0",
                "X-Request-ID: " + hostile);

        if (answer.header("X-Request-ID") != null) {
            assertReplaced(answer, hostile);
        } else {
            assertThat(answer.status()).isEqualTo(400);
        }
        SeedLog.sleep(Duration.ofMillis(300));
        assertThat(log.raw()).noneMatch(line -> line.startsWith("[fake-line]"))
                .noneMatch(line -> line.contains("\u001b"));
    }

    private void assertReplaced(RawHttp.Answer answer, String sent) {
        assertThat(answer.status()).isEqualTo(200);
        String made = answer.header("X-Request-ID");
        assertThat(made).matches(UUID).isNotEqualTo(sent);
        SeedLine line = log.linesOf(made, 1).get(0);
        assertThat(line.message()).isEqualTo("GET /auth/version 200");
        assertThat(log.raw()).noneMatch(raw -> raw.contains(sent));
    }
}
