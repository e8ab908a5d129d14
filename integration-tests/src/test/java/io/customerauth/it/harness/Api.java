package io.customerauth.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP client for the realm's customer-auth API ({@code /realms/customers/auth}) and, through {@link #url},
 * for any other path of the server. Sends {@code X-Client-Version: 2.1.0} unless a request says otherwise. Every
 * answer of the API is checked against its OpenAPI document ({@link ApiContract}) on the way back.
 */
public final class Api {

    public static final String CLIENT_VERSION = "2.1.0";
    private static final ObjectMapper JSON = StrictJson.MAPPER;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String serverUrl;
    private final String realm;

    public Api(String serverUrl, String realm) {
        this.serverUrl = serverUrl;
        this.realm = realm;
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String serverUrl() {
        return serverUrl;
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:41234/realms/customers/auth}. */
    public String baseUrl() {
        return serverUrl + "/realms/" + realm + "/auth";
    }

    public String url(String pathFromServerRoot) {
        return serverUrl + pathFromServerRoot;
    }

    public Request request(String method, String pathUnderApi) {
        return new Request(method, baseUrl() + pathUnderApi);
    }

    public Response get(String pathUnderApi) {
        return request("GET", pathUnderApi).send();
    }

    public Response post(String pathUnderApi, Object jsonBody) {
        return request("POST", pathUnderApi).json(jsonBody).send();
    }

    /** {@code POST /login/} with these credentials. */
    public Response login(String email, String password) {
        return post("/login/", Map.of("email", email, "password", password));
    }

    /** Logs in and returns the access token ({@code data.jwt}), failing the test if login fails. */
    public String accessToken(String email, String password) {
        Response response = login(email, password);
        if (response.status() != 200) {
            throw new AssertionError("login of " + email + " failed: " + response);
        }
        return response.json().path("data").path("jwt").asText();
    }

    /** {@code GET /} with this bearer token. */
    public Response currentUser(String accessToken) {
        return request("GET", "/").bearer(accessToken).send();
    }

    public static String toJson(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request being built; headers default to a JSON client of the current version. */
    public final class Request {
        private final String method;
        private String url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Request(String method, String url) {
            this.method = method;
            this.url = url;
            headers.put("X-Client-Version", CLIENT_VERSION);
            headers.put("Accept", "application/json");
        }

        /** Sends this request to another URL of the server instead, e.g. Keycloak's own endpoints. */
        public Request at(String absoluteUrl) {
            this.url = absoluteUrl;
            return this;
        }

        public Request header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request json(Object value) {
            headers.putIfAbsent("Content-Type", "application/json");
            this.body = toJson(value);
            return this;
        }

        public Request body(String contentType, String raw) {
            header("Content-Type", contentType);
            this.body = raw;
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            headers.forEach(builder::header);
            builder.method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> sent = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Response response = new Response(sent.statusCode(), sent.headers(), sent.body());
                if (url.startsWith(baseUrl())) {
                    ApiContract.get().check(method, URI.create(url).getRawPath().substring(
                            URI.create(baseUrl()).getRawPath().length()), response);
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + url + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response, with its body parsed as JSON on demand. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
