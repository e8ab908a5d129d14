package io.customerauth.importer.keycloak;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak's admin REST API over the JDK's HTTP client, as the admin user of the admin realm's {@code admin-cli}
 * client. Keeps the access token fresh, retries connection errors and 5xx / 429 answers with backoff, and turns
 * 401 into one token refresh. Thread-safe: the import's concurrent batches share one client.
 */
public final class AdminClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(15);

    /** An HTTP answer: status and body. */
    public record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ServerSettings settings;
    private final HttpClient http;
    private final Backoff backoff;
    private String accessToken;
    private String refreshToken;
    private Instant expiresAt = Instant.EPOCH;
    private boolean everConnected;

    AdminClient(ServerSettings settings, Backoff backoff) {
        this.settings = settings;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Logs the admin in; fails fast when the server cannot be reached or refuses the login. */
    public static AdminClient connect(ServerSettings settings) throws ServerException {
        return connect(settings, Backoff.standard());
    }

    static AdminClient connect(ServerSettings settings, Backoff backoff) throws ServerException {
        AdminClient client = new AdminClient(settings, backoff);
        client.login();
        return client;
    }

    public ServerSettings settings() {
        return settings;
    }

    public Response get(String path) throws ServerException {
        return send("GET", path, null);
    }

    public Response postJson(String path, byte[] json) throws ServerException {
        return send("POST", path, json);
    }

    private Response send(String method, String path, byte[] json) throws ServerException {
        URI uri = settings.resolve(path);
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .timeout(settings.requestTimeout())
                        .header("Authorization", "Bearer " + token())
                        .header("Accept", "application/json");
                if (json != null) {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(json));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> response = exchange(request.build());
                int status = response.statusCode();
                if (status == 401 && !refreshed) {
                    refreshed = true;
                    invalidateToken();
                    attempt--;
                    continue;
                }
                if (status == 403) {
                    throw new ServerException(ServerException.Kind.FORBIDDEN, "Keycloak denied " + method + " "
                            + path + " to " + settings.adminUser() + " (403): the admin needs manage-users on realm "
                            + settings.realm());
                }
                if ((status >= 500 || status == 429) && attempt < settings.retries()) {
                    pause(attempt + 1);
                    continue;
                }
                if (status >= 500 || status == 429) {
                    throw new ServerException(ServerException.Kind.UNREACHABLE, method + " " + path + " still failed "
                            + "after " + settings.retries() + " retries: HTTP " + status + " " + errorMessage(response.body()));
                }
                return new Response(status, response.body());
            } catch (IOException e) {
                if (attempt >= settings.retries()) {
                    throw new ServerException(ServerException.Kind.UNREACHABLE, "Keycloak at " + settings.server()
                            + " did not answer " + method + " " + path + " after " + settings.retries() + " retries: "
                            + describe(e), e);
                }
                pause(attempt + 1);
            }
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException, ServerException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(ServerException.Kind.UNREACHABLE, "Interrupted while waiting for Keycloak", e);
        }
    }

    private void pause(int retry) throws ServerException {
        try {
            Thread.sleep(backoff.delay(retry).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(ServerException.Kind.UNREACHABLE, "Interrupted while waiting to retry", e);
        }
    }

    private synchronized String token() throws ServerException {
        if (Instant.now().isAfter(expiresAt.minus(REFRESH_MARGIN))) {
            if (refreshToken == null || !refresh()) {
                login();
            }
        }
        return accessToken;
    }

    private synchronized void invalidateToken() {
        expiresAt = Instant.EPOCH;
    }

    private synchronized void login() throws ServerException {
        Response response = tokenRequest(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", settings.adminUser(), "password", settings.adminPassword()));
        if (response.status() == 401 || response.status() == 400) {
            throw new ServerException(ServerException.Kind.AUTHENTICATION, "Keycloak refused the admin login of "
                    + settings.adminUser() + " in realm " + settings.adminRealm() + ": "
                    + errorMessage(response.body()));
        }
        if (response.status() == 404) {
            throw new ServerException(ServerException.Kind.NOT_FOUND, "No realm " + settings.adminRealm() + " at "
                    + settings.server() + " (is this a Keycloak server?)");
        }
        if (!response.ok()) {
            throw new ServerException(ServerException.Kind.UNREACHABLE, "The admin login at " + settings.server()
                    + " answered HTTP " + response.status());
        }
        acceptTokens(response.body());
    }

    private synchronized boolean refresh() throws ServerException {
        Response response = tokenRequest(Map.of("grant_type", "refresh_token", "client_id", "admin-cli",
                "refresh_token", refreshToken));
        if (!response.ok()) {
            refreshToken = null;
            return false;
        }
        acceptTokens(response.body());
        return true;
    }

    private Response tokenRequest(Map<String, String> form) throws ServerException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = settings.resolve("/realms/" + encode(settings.adminRealm()) + "/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = exchange(request);
                everConnected = true;
                if (response.statusCode() >= 500 && attempt < settings.retries()) {
                    pause(attempt + 1);
                    continue;
                }
                return new Response(response.statusCode(), response.body());
            } catch (IOException e) {
                // Before the first login a refused connection means a wrong URL or a stopped server: fail fast.
                if (attempt >= settings.retries() || !everConnected && e instanceof ConnectException && attempt >= 1) {
                    throw new ServerException(ServerException.Kind.UNREACHABLE, "Cannot reach Keycloak at "
                            + settings.server() + ": " + describe(e), e);
                }
                pause(attempt + 1);
            }
        }
    }

    private void acceptTokens(String body) throws ServerException {
        try {
            JsonNode json = MAPPER.readTree(body);
            accessToken = json.path("access_token").asText(null);
            refreshToken = json.path("refresh_token").asText(null);
            expiresAt = Instant.now().plusSeconds(json.path("expires_in").asLong(60));
            if (accessToken == null) {
                throw new ServerException(ServerException.Kind.AUTHENTICATION, "The token answer had no access token");
            }
        } catch (IOException e) {
            throw new ServerException(ServerException.Kind.UNEXPECTED, "The token answer is not JSON", e);
        }
    }

    /** Keycloak's error text from an error body ({@code errorMessage}, {@code error_description}, {@code error}). */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        try {
            JsonNode json = MAPPER.readTree(body);
            for (String field : new String[] {"errorMessage", "error_description", "error", "message"}) {
                if (json.hasNonNull(field)) {
                    return shorten(json.get(field).asText());
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not JSON: fall through to the start of the text.
        }
        return shorten(body.strip());
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + shorten(message) + ")");
    }
}
