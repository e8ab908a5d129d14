package io.customerauth.keycloak.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API page: Swagger UI (swagger-ui-dist, bundled in this jar; nothing is fetched at run time) showing the API's
 * OpenAPI document, whose "Try it out" calls the realm's API from the browser. One HTML page per realm and a fixed
 * set of files, read from the jar once at start. The page loads scripts and styles from the same server only, and
 * Swagger UI is configured not to load any other document (no {@code ?url=}) nor call its online validator.
 * Keycloak gives the page the realm's own security headers, as on its login pages (the realm's
 * Content-Security-Policy among them, which an admin may loosen); the page adds its own policy in a
 * {@code <meta>} element, and a browser applies both.
 */
public final class ApiDocsPage {

    /** Same-origin scripts only; Swagger UI sets inline styles; "Try it out" calls the same server. No
     * frame-ancestors here: a {@code <meta>} policy cannot hold it, the realm's headers do. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'none'";

    private static final String SWAGGER_UI = "swagger-ui/";
    /** The files the page may ask for, by the name it uses, with their types. */
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "customer-auth-docs.js", "text/javascript; charset=utf-8",
            "LICENSE", "text/plain; charset=utf-8",
            "NOTICE", "text/plain; charset=utf-8",
            "swagger-ui-bundle.js.LICENSE.txt", "text/plain; charset=utf-8");

    /** What the page or one of its files answers: the bytes, their type, and the headers that go with them. */
    public record Document(byte[] bytes, String contentType, Map<String, String> headers) {
    }

    private final String template;
    private final Map<String, byte[]> files;

    private ApiDocsPage(String template, Map<String, byte[]> files) {
        this.template = template;
        this.files = files;
    }

    public static ApiDocsPage load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES.keySet()) {
            files.put(name, read(name.equals("customer-auth-docs.js") ? name : SWAGGER_UI + name));
        }
        return new ApiDocsPage(new String(read("api-docs.html"), StandardCharsets.UTF_8), files);
    }

    /** The page for the API at {@code apiUrl} (the realm's {@code .../realms/REALM/auth}). */
    public Document page(String apiUrl, String realmName) {
        String html = template.replace("{{csp}}", CONTENT_SECURITY_POLICY).replace("{{realm}}", escape(realmName))
                .replace("{{api}}", escape(apiUrl));
        return new Document(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                Map.of("Cache-Control", "no-store"));
    }

    /** One of the page's files by name, or nothing for any other name. */
    public Optional<Document> file(String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(new Document(bytes, FILES.get(name),
                Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "public, max-age=3600")));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDocsPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the pack's jar has no " + resource + " beside " + ApiDocsPage.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + resource, e);
        }
    }

    /** A value inside HTML text or a double-quoted attribute. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
