package io.customerauth.importer.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak's token endpoint and admin API on a local port: it issues tokens {@code token-1},
 * {@code token-2} ... for admin/secret, and answers admin paths from queued or computed responses. Public for the
 * command-line tests.
 */
public final class FakeKeycloak implements AutoCloseable {

    /** @param query the raw query string, or {@code null} */
    public record Request(String method, String path, String query, String authorization, String body) {
    }

    public record Answer(int status, String body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger tokens = new AtomicInteger();
    private final Map<String, Deque<Answer>> queued = new ConcurrentHashMap<>();
    private final Map<String, Function<Request, Answer>> computed = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    public final List<Integer> bulkBatchSizes = new CopyOnWriteArrayList<>();
    volatile int tokenLifetimeSeconds = 300;

    public FakeKeycloak() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    ServerSettings settings(String password) {
        return new ServerSettings(url(), "customers", "master", "admin", password, 2, Duration.ofSeconds(5));
    }

    /** Answers the next request to {@code path} (queued answers first, then the computed one, else 404). */
    public void queue(String path, int status, String body) {
        queued.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Answer(status, body));
    }

    public void answer(String path, Function<Request, Answer> answer) {
        computed.put(path, answer);
    }

    /**
     * Realm {@code customers} with the pack's bulk endpoint, advertising {@code maxBatchSize}: every user it is sent
     * is created. {@link #bulkBatchSizes} records the size of each request.
     */
    public void serveTheBulkEndpoint(int maxBatchSize) {
        answer("/admin/realms/customers", request -> new Answer(200, "{\"realm\":\"customers\"}"));
        answer("/admin/realms/customers/customer-import",
                request -> new Answer(200, "{\"maxBatchSize\":" + maxBatchSize + ",\"version\":1}"));
        answer("/admin/realms/customers/customer-import/users", request -> {
            int users = users(request);
            bulkBatchSizes.add(users);
            return new Answer(200, "{\"results\":[" + String.join(",",
                    java.util.Collections.nCopies(users, "{\"status\":\"CREATED\"}")) + "]}");
        });
    }

    /** The requests made to {@code path}, in order. */
    public List<Request> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The users in a partialImport-shaped body. */
    public static int users(Request request) {
        try {
            return MAPPER.readTree(request.body()).path("users").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int tokensIssued() {
        return tokens.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(request);
        Answer answer;
        if (path.equals("/realms/master/protocol/openid-connect/token")) {
            answer = body.contains("password=secret") || body.contains("grant_type=refresh_token")
                    ? new Answer(200, "{\"access_token\":\"token-" + tokens.incrementAndGet()
                            + "\",\"refresh_token\":\"refresh\",\"expires_in\":" + tokenLifetimeSeconds + "}")
                    : new Answer(401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");
        } else {
            Deque<Answer> answers = queued.get(path);
            Answer next = answers == null ? null : answers.poll();
            Function<Request, Answer> function = computed.get(path);
            answer = next != null ? next : function != null ? function.apply(request) : new Answer(404, "");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
