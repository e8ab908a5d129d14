package io.customerauth.keycloak.apidocs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The API page as the jar serves it: what it loads, from where, and what it refuses to serve. */
class ApiDocsPageTest {

    private static final String API = "https://auth.example.com/realms/customers/auth";
    private static final Pattern LOADED = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private final ApiDocsPage docs = ApiDocsPage.load();

    @Test
    void thePageLoadsOnlyFilesItServesItselfFromTheRealmsApi() {
        String html = html(docs.page(API, "customers"));

        List<String> loaded = new ArrayList<>();
        Matcher url = LOADED.matcher(html);
        while (url.find()) {
            loaded.add(url.group(1));
        }
        assertThat(loaded).containsExactly(API + "/docs/swagger-ui.css", API + "/docs/swagger-ui-bundle.js",
                API + "/docs/customer-auth-docs.js");
        assertThat(loaded).allSatisfy(file -> assertThat(docs.file(file.substring((API + "/docs/").length())))
                .as(file).isPresent());
        assertThat(html).contains("data-openapi-url=\"" + API + "/openapi.json\"");
    }

    @Test
    void thePagesOwnPolicyAllowsScriptsAndCallsToTheSameServerOnlyBeforeAnythingLoads() {
        ApiDocsPage.Document page = docs.page(API, "customers");
        String html = html(page);

        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + ApiDocsPage.CONTENT_SECURITY_POLICY
                + "\">";
        assertThat(html).contains(policy);
        assertThat(html.indexOf(policy)).isLessThan(html.indexOf("<link")).isLessThan(html.indexOf("<script"));
        assertThat(ApiDocsPage.CONTENT_SECURITY_POLICY).contains("default-src 'none'").contains("script-src 'self';")
                .contains("connect-src 'self'").doesNotContain("unsafe-eval");
        assertThat(html).as("no inline script").doesNotContain("<script>").doesNotContain("javascript:");
    }

    @Test
    void theRealmsNameAndUrlCannotWriteMarkup() {
        String html = html(docs.page(API + "?a=\"><script>x</script>", "<b>shop</b> & 'co'"));

        assertThat(html).contains("Customer Auth API · &lt;b&gt;shop&lt;/b&gt; &amp; &#39;co&#39;")
                .contains("?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;").doesNotContain("<b>shop");
    }

    @Test
    void onlyTheBundledFilesAreServedWithTheirTypes() {
        assertThat(docs.file("swagger-ui-bundle.js")).hasValueSatisfying(file -> {
            assertThat(file.contentType()).startsWith("text/javascript");
            assertThat(file.bytes().length).isGreaterThan(1_000_000);
            assertThat(file.headers()).containsEntry("X-Content-Type-Options", "nosniff");
        });
        assertThat(docs.file("swagger-ui.css")).hasValueSatisfying(file ->
                assertThat(file.contentType()).startsWith("text/css"));
        assertThat(docs.file("LICENSE")).isPresent();
        for (String other : List.of("index.html", "api-docs.html", "checksums.sha256", "../api/openapi.json",
                "swagger-ui-bundle.js.map", "")) {
            assertThat(docs.file(other)).as(other).isEmpty();
        }
    }

    @Test
    void swaggerUiIsStartedOnTheRealmsDocumentOnly() {
        String script = new String(docs.file("customer-auth-docs.js").orElseThrow().bytes(), StandardCharsets.UTF_8);

        assertThat(script).contains("queryConfigEnabled: false").contains("validatorUrl: null")
                .contains("root.getAttribute('data-openapi-url')").contains("tryItOutEnabled: true");
    }

    private static String html(ApiDocsPage.Document page) {
        return new String(page.bytes(), StandardCharsets.UTF_8);
    }
}
