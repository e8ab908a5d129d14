package io.customerauth.keycloak.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerauth.keycloak.clientversion.ClientVersion;
import io.customerauth.keycloak.clientversion.VersionRefusals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One API request's handling, with its meters in a registry of the test's own and no server. */
class ApiCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClientVersion MINIMUM = ClientVersion.parse("2.1.0").orElseThrow();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, String> headers = new HashMap<>(Map.of("X-Client-Version", "2.1.0"));
    private final AtomicInteger rollbacks = new AtomicInteger();
    private final AtomicInteger handled = new AtomicInteger();

    @Test
    void aRouteAnswers200WithItsBodyUnderItsOwnMetricLabel() throws IOException {
        ApiAnswer answer = call(ApiRoute.VERSION).respond(() -> Map.of("version", "1.0"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).path("version").asText()).isEqualTo("1.0");
        assertThat(requests("version", "2xx")).isEqualTo(1);
    }

    @Test
    void anOldClientGets426WithTheMinimumIsCountedAndNeverReachesTheRoute() throws IOException {
        headers.put("X-Client-Version", "2.0.9");

        ApiAnswer answer = call(ApiRoute.LOGIN).respond(this::handle);

        assertThat(answer.status()).isEqualTo(426);
        assertThat(json(answer).path("minimum_version").asText()).isEqualTo("2.1.0");
        assertThat(handled).hasValue(0);
        assertThat(registry.find("customer.auth.client.version.refusals").tags("endpoint", "api", "minimum", "2.1.0")
                .counter().count()).isEqualTo(1);
        assertThat(requests("login", "4xx")).isEqualTo(1);
    }

    @Test
    void aMissingVersionIs400ButTheApisOwnDescriptionAnswersAnyClient() {
        headers.remove("X-Client-Version");

        assertThat(call(ApiRoute.CURRENT_USER).respond(this::handle).status()).isEqualTo(400);
        assertThat(call(ApiRoute.OPENAPI).respond(this::handle).status()).isEqualTo(200);
        assertThat(handled).hasValue(1);
    }

    @Test
    void withoutARuleInTheFlowNoVersionIsAsked() {
        headers.remove("X-Client-Version");

        ApiAnswer answer = new ApiCall(request(), ApiRoute.LOGIN, Optional::empty, new ApiMetrics(registry),
                new VersionRefusals(registry), rollbacks::incrementAndGet).respond(this::handle);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void anUnexpectedErrorIs500NamingTheRequestIdAndRollsTheTransactionBack() throws IOException {
        headers.put("X-Request-ID", "req-42");

        ApiAnswer answer = call(ApiRoute.LOGIN).respond(() -> {
            throw new IllegalStateException("database down at jdbc:postgresql://secret-host");
        });

        assertThat(answer.status()).isEqualTo(500);
        assertThat(new String(answer.body())).isEqualTo(
                "{\"message\":\"Internal server error.\",\"request_id\":\"req-42\"}");
        assertThat(rollbacks).hasValue(1);
        assertThat(requests("login", "5xx")).isEqualTo(1);
    }

    @Test
    void aPathThatIsNoRouteIsCountedAsOtherAndKeepsTheRefusalsHeaders() {
        ApiAnswer answer = call(null).respond(() -> {
            throw ApiException.of(405, ApiMessages.METHOD_NOT_ALLOWED).withHeader("Allow", "POST, OPTIONS");
        });

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers()).containsEntry("Allow", "POST, OPTIONS");
        assertThat(requests(ApiRoute.OTHER, "4xx")).isEqualTo(1);
        assertThat(rollbacks).hasValue(0);
    }

    private Object handle() {
        handled.incrementAndGet();
        return Map.of();
    }

    private ApiCall call(ApiRoute route) {
        return new ApiCall(request(), route, () -> Optional.of(MINIMUM), new ApiMetrics(registry),
                new VersionRefusals(registry), rollbacks::incrementAndGet);
    }

    private ApiRequest request() {
        HttpHeaders view = (HttpHeaders) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new ApiRequest("POST", "/auth/login/", "198.51.100.7", view);
    }

    private double requests(String route, String status) {
        Counter counter = registry.find("customer.auth.requests").tags("route", route, "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode json(ApiAnswer answer) throws IOException {
        return JSON.readTree(answer.body());
    }
}
