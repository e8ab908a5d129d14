package io.customerauth.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The few admin REST calls the bench makes outside the measured load, with a fresh admin token each time. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESET_FLOW = "customer reset credentials";
    private static final String RESET_CODE_STEP = "customer-reset-code";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String realm;

    public AdminApi(String baseUrl, String realm) {
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    /** The admin's password-grant form at the master realm: the Gatling scenarios post the same. */
    public static String adminTokenForm() {
        return "grant_type=password&client_id=admin-cli&username=" + KeycloakProcess.ADMIN_USER
                + "&password=" + KeycloakProcess.ADMIN_PASSWORD;
    }

    public static String masterTokenPath() {
        return "/realms/master/protocol/openid-connect/token";
    }

    private String token() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + masterTokenPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(adminTokenForm()))
                .build();
        return send(request).get("access_token").asText();
    }

    /** Every user id of the realm by username, {@code first} to {@code first + max}. */
    public Map<String, String> userIds(String search, int max) {
        String query = "?briefRepresentation=true&max=" + max + "&search="
                + URLEncoder.encode(search, StandardCharsets.UTF_8);
        JsonNode users = get("/admin/realms/" + realm + "/users" + query);
        Map<String, String> ids = new HashMap<>();
        users.forEach(user -> ids.put(user.get("username").asText(), user.get("id").asText()));
        return ids;
    }

    /**
     * Changes settings of the realm's *Verification code by email* step as the console does (the step's
     * authenticator config): the bench is one client address asking for thousands of codes, which the shipped
     * per-address limit would refuse after ten.
     */
    public void setResetCodeStep(Map<String, String> changes) {
        JsonNode executions = get("/admin/realms/" + realm + "/authentication/flows/"
                + URLEncoder.encode(RESET_FLOW, StandardCharsets.UTF_8).replace("+", "%20") + "/executions");
        String configId = null;
        for (JsonNode execution : executions) {
            if (RESET_CODE_STEP.equals(execution.path("providerId").asText())) {
                configId = execution.path("authenticationConfig").asText(null);
            }
        }
        if (configId == null) {
            throw new IllegalStateException("no configured " + RESET_CODE_STEP + " step in the flow " + RESET_FLOW);
        }
        String path = "/admin/realms/" + realm + "/authentication/config/" + configId;
        ObjectNode config = (ObjectNode) get(path);
        ObjectNode values = (ObjectNode) config.path("config");
        changes.forEach(values::put);
        send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(config.toString())).build());
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token())
                .GET().build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
