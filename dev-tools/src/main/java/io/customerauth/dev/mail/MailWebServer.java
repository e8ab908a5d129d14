package io.customerauth.dev.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catcher's web page on the JDK's HTTP server.
 * <ul>
 *   <li>{@code GET /} the mails, newest first; {@code GET /messages/{id}} one mail;
 *       {@code GET /messages/{id}/html} its html part alone, under a sandboxing Content-Security-Policy</li>
 *   <li>{@code GET /api/messages}, {@code GET /api/messages/{id}} the same as JSON;
 *       {@code DELETE /api/messages} forgets every mail</li>
 *   <li>{@code GET /api/v1/messages}, {@code GET /api/v1/message/{ID}}, {@code DELETE /api/v1/messages}: the same in
 *       Mailpit's API, as far as scripts and tests read it ({@link MailpitJson})</li>
 * </ul>
 */
public final class MailWebServer implements AutoCloseable {

    /** No scripts, nothing remote: a mail cannot call home or act on the page. */
    private static final String PAGE_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
                    + "frame-ancestors 'self'";
    private static final String MAIL_HTML_POLICY = "sandbox; " + PAGE_POLICY;
    private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d{1,9})(/html)?/?");
    private static final Pattern API_MESSAGE = Pattern.compile("/api/messages/(\\d{1,9})/?");
    private static final Pattern MAILPIT_MESSAGE = Pattern.compile("/api/v1/message/(\\d{1,9})/?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final MailStore store;
    private final MailPages pages = new MailPages(ZoneId.systemDefault());

    private MailWebServer(HttpServer server, ExecutorService executor, MailStore store) {
        this.server = server;
        this.executor = executor;
        this.store = store;
    }

    public static MailWebServer start(InetSocketAddress address, MailStore store) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        MailWebServer web = new MailWebServer(server, executor, store);
        server.createContext("/", web::handle);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            boolean mailpit = path.equals("/api/v1/messages") || path.equals("/api/v1/messages/");
            if (mailpit || path.equals("/api/messages") || path.equals("/api/messages/")) {
                if (method.equals("DELETE")) {
                    store.deleteAll();
                    exchange.sendResponseHeaders(204, -1);
                } else if (isRead(method)) {
                    List<ReceivedMail> mails = store.newestFirst();
                    String json = mailpit ? MailpitJson.list(mails) : MailJson.list(mails);
                    send(exchange, 200, "application/json", json, PAGE_POLICY);
                } else {
                    notAllowed(exchange);
                }
            } else if (!isRead(method)) {
                notAllowed(exchange);
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html", pages.list(store.newestFirst()), PAGE_POLICY);
            } else {
                route(exchange, path);
            }
        } catch (RuntimeException e) {
            System.err.println("mail catcher: " + exchange.getRequestURI().getPath() + " failed: " + e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        Matcher api = API_MESSAGE.matcher(path);
        Matcher mailpit = MAILPIT_MESSAGE.matcher(path);
        if (api.matches() || mailpit.matches()) {
            Matcher id = api.matches() ? api : mailpit;
            Optional<ReceivedMail> mail = store.byId(Integer.parseInt(id.group(1)));
            if (mail.isPresent()) {
                String json = id == api ? MailJson.one(mail.get()) : MailpitJson.one(mail.get());
                send(exchange, 200, "application/json", json, PAGE_POLICY);
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"No such mail.\"}", PAGE_POLICY);
            }
            return;
        }
        Matcher page = MESSAGE.matcher(path);
        Optional<ReceivedMail> mail = page.matches()
                ? store.byId(Integer.parseInt(page.group(1)))
                : Optional.empty();
        if (mail.isEmpty()) {
            send(exchange, 404, "text/html", pages.notFound(), PAGE_POLICY);
        } else if (page.group(2) == null) {
            send(exchange, 200, "text/html", pages.message(mail.get()), PAGE_POLICY);
        } else {
            send(exchange, 200, "text/html", mail.get().html(), MAIL_HTML_POLICY);
        }
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private static void notAllowed(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD, DELETE");
        exchange.sendResponseHeaders(405, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String policy)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", policy);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
