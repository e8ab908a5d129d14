package io.customerauth.keycloak.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerauth.keycloak.clientversion.ClientVersion;
import io.customerauth.keycloak.clientversion.ClientVersionVerdict;
import io.customerauth.keycloak.clientversion.MinimumClientVersion;
import io.customerauth.keycloak.customer.CustomerProfile;
import io.customerauth.keycloak.logging.RequestId;
import io.customerauth.keycloak.logging.RequestLogScope;
import io.customerauth.keycloak.metrics.PackMetrics;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One API request from start to answer: the request id, the client-version rule every route shares, the
 * rendering of every outcome as JSON (an {@link ApiException} as its status and body; anything unexpected as a 500
 * that names the request id and never shows a stack trace), the request's log lines ({@link RequestLogScope}) and
 * its metrics ({@link PackMetrics}).
 */
final class ApiCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final ApiSettings settings;
    private final String metricRoute;
    private final HttpHeaders headers;
    private final String requestId;
    private RequestLogScope log;

    /** A request to this route; {@code null} for a path that is no route (its answer is a 404 or a 405). */
    ApiCall(KeycloakSession session, ApiSettings settings, ApiRoute route) {
        this.session = session;
        this.settings = settings;
        this.metricRoute = route == null ? ApiRoute.OTHER : route.metricName();
        this.headers = session.getContext().getRequestHeaders();
        this.requestId = RequestId.from(headers.getHeaderString(RequestId.HEADER));
    }

    HttpHeaders headers() {
        return headers;
    }

    /** Runs a route whose success is a 200 with the returned body, inside the request's log scope. */
    Response respond(Supplier<Object> route) {
        return respond(route, true);
    }

    /** The same, for a route open to every client whatever its version (the API's own description). */
    Response respondToAnyVersion(Supplier<Object> route) {
        return respond(route, false);
    }

    /**
     * Runs a route that answers something other than JSON (the API page and its files), open to every client; its
     * refusals and failures are JSON as everywhere else.
     */
    Response respondWithDocument(Supplier<Response> route) {
        return respondWith(() -> {
            Response response = route.get();
            return Response.fromResponse(response).header(RequestId.HEADER, requestId).build();
        }, false);
    }

    private Response respond(Supplier<Object> route, boolean versionRule) {
        return respondWith(() -> json(200, route.get(), Map.of()), versionRule);
    }

    private Response respondWith(Supplier<Response> route, boolean versionRule) {
        long start = System.nanoTime();
        try (RequestLogScope scope = RequestLogScope.open(session.getContext(), requestId)) {
            log = scope;
            Response response = answer(route, versionRule);
            scope.answered(response.getStatus());
            PackMetrics.request(metricRoute, response.getStatus(), System.nanoTime() - start);
            return response;
        }
    }

    /** Says which customer this request is for, once the route knows: the request's log lines carry its id. */
    CustomerProfile identify(CustomerProfile customer) {
        if (log != null) {
            log.customer(customer.customerId());
        }
        return customer;
    }

    private Response answer(Supplier<Response> route, boolean versionRule) {
        try {
            if (versionRule) {
                requireSupportedClientVersion();
            }
            return route.get();
        } catch (ApiException refused) {
            log.refused(refused.status(), refused.body());
            return json(refused.status(), refused.body(), refused.headers());
        } catch (RuntimeException unexpected) {
            session.getTransactionManager().setRollbackOnly();
            log.failed(unexpected);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", ApiMessages.INTERNAL_ERROR);
            body.put("request_id", requestId);
            return json(500, body, Map.of());
        }
    }

    /** The rule of the customer app's direct-grant flow, as the token endpoint applies it; none when it has none. */
    private void requireSupportedClientVersion() {
        RealmModel realm = session.getContext().getRealm();
        Optional<ClientVersion> rule = MinimumClientVersion.of(realm, realm.getClientByClientId(settings.clientId()));
        if (rule.isEmpty()) {
            return;
        }
        ClientVersion minimum = rule.get();
        ClientVersionVerdict verdict = ClientVersionVerdict.of(headers.getHeaderString(ClientVersionVerdict.HEADER),
                minimum);
        switch (verdict) {
            case ACCEPTED -> {
            }
            case TOO_OLD -> {
                PackMetrics.clientVersionRefused("api", minimum.toString());
                throw ApiException.withField(verdict.status(), verdict.message(), "minimum_version",
                        minimum.toString());
            }
            default -> throw ApiException.of(verdict.status(), verdict.message());
        }
    }

    private Response json(int status, Object body, Map<String, String> extraHeaders) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserializable response body", e);
        }
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestId.HEADER, requestId)
                .header("Cache-Control", "no-store")
                .entity(bytes);
        extraHeaders.forEach(response::header);
        ApiCors.addTo(response, session, settings.clientId());
        return response.build();
    }
}
