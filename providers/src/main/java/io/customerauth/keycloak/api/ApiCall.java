package io.customerauth.keycloak.api;

import io.customerauth.keycloak.clientversion.ClientVersion;
import io.customerauth.keycloak.clientversion.ClientVersionVerdict;
import io.customerauth.keycloak.clientversion.VersionRefusals;
import io.customerauth.keycloak.customer.CustomerProfile;
import io.customerauth.keycloak.logging.RequestId;
import io.customerauth.keycloak.logging.RequestLogScope;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One API request from start to answer: the request id, the client-version rule every versioned route shares, every
 * outcome as a JSON {@link ApiAnswer} (an {@link ApiException} as its status and body; anything unexpected as a 500
 * that names the request id, rolls the transaction back and never shows a stack trace), the request's log lines
 * ({@link RequestLogScope}) and its metrics under the route's label.
 */
final class ApiCall {

    private final ApiRequest request;
    private final ApiRoute route;
    private final Supplier<Optional<ClientVersion>> minimumVersion;
    private final ApiMetrics metrics;
    private final VersionRefusals refusals;
    private final Runnable rollback;
    private final String requestId;
    private RequestLogScope log;

    /**
     * A request to this route, or to no route ({@code null}: its answer is a 404 or a 405). {@code minimumVersion} is
     * the rule of the customer app's direct-grant flow, as the token endpoint applies it; {@code rollback} marks the
     * request's transaction for rollback.
     */
    ApiCall(ApiRequest request, ApiRoute route, Supplier<Optional<ClientVersion>> minimumVersion, ApiMetrics metrics,
            VersionRefusals refusals, Runnable rollback) {
        this.request = request;
        this.route = route;
        this.minimumVersion = minimumVersion;
        this.metrics = metrics;
        this.refusals = refusals;
        this.rollback = rollback;
        this.requestId = RequestId.from(request.header(RequestId.HEADER));
    }

    HttpHeaders headers() {
        return request.headers();
    }

    String requestId() {
        return requestId;
    }

    /** The path the request asked, under the API ({@code /docs/swagger-ui.css}). */
    String pathUnderApi() {
        return request.pathUnderApi();
    }

    /**
     * Runs the request's handling inside its log scope. Its success is a 200 with the returned body as JSON, or the
     * {@link ApiAnswer} it returns as it is (the API page's documents).
     */
    ApiAnswer respond(Supplier<Object> handling) {
        long start = System.nanoTime();
        try (RequestLogScope scope = RequestLogScope.open(request.remoteAddr(), requestId, request.method(),
                request.path())) {
            log = scope;
            ApiAnswer answer = answer(handling);
            scope.answered(answer.status());
            metrics.answered(route == null ? ApiRoute.OTHER : route.metricName(), answer.status(),
                    System.nanoTime() - start);
            return answer;
        }
    }

    /** Says which customer this request is for, once the route knows: the request's log lines carry its id. */
    CustomerProfile identify(CustomerProfile customer) {
        if (log != null) {
            log.customer(customer.customerId());
        }
        return customer;
    }

    private ApiAnswer answer(Supplier<Object> handling) {
        try {
            if (route == null || route.checksClientVersion()) {
                requireSupportedClientVersion();
            }
            Object answer = handling.get();
            return answer instanceof ApiAnswer ready ? ready : ApiAnswer.of(200, answer, Map.of());
        } catch (ApiException refused) {
            log.refused(refused.status(), refused.body());
            return ApiAnswer.of(refused.status(), refused.body(), refused.headers());
        } catch (RuntimeException unexpected) {
            rollback.run();
            log.failed(unexpected);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", ApiMessages.INTERNAL_ERROR);
            body.put("request_id", requestId);
            return ApiAnswer.of(500, body, Map.of());
        }
    }

    private void requireSupportedClientVersion() {
        Optional<ClientVersion> rule = minimumVersion.get();
        if (rule.isEmpty()) {
            return;
        }
        ClientVersion minimum = rule.get();
        ClientVersionVerdict verdict = ClientVersionVerdict.of(request.header(ClientVersionVerdict.HEADER), minimum);
        switch (verdict) {
            case ACCEPTED -> {
            }
            case TOO_OLD -> {
                refusals.refused("api", minimum);
                throw ApiException.withField(verdict.status(), verdict.message(), "minimum_version",
                        minimum.toString());
            }
            default -> throw ApiException.of(verdict.status(), verdict.message());
        }
    }
}
