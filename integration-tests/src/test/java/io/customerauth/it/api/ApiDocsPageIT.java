package io.customerauth.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.Browser;
import io.customerauth.it.harness.BrowserExtension;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API page ({@code /realms/customers/auth/docs}, on in the test server as in bin/dev) in a real browser: Swagger
 * UI shows the API's routes from the pack's own files, and its "Try it out" calls the realm's API with the
 * X-Client-Version the person types.
 */
@CustomerAuthIT
@ExtendWith(BrowserExtension.class)
class ApiDocsPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Swagger UI's ids: operations-{tag}-{operationId}; the document has no tags, so "default". */
    private static final Map<String, List<String>> FOUR_ROUTES = Map.of(
            "login", List.of("POST", "/login/"),
            "currentUser", List.of("GET", "/"),
            "forgotPassword", List.of("POST", "/forgot_password/"),
            "resetPassword", List.of("POST", "/reset_password/"));

    private final Browser browser;
    private final Api api;

    ApiDocsPageIT(Browser browser, Api api) {
        this.browser = browser;
        this.api = api;
    }

    @BeforeEach
    void freshBrowser() {
        browser.forgetEverything();
    }

    @Test
    void thePageShowsTheFourRoutesOfTheApi() {
        openThePage();

        FOUR_ROUTES.forEach((operation, methodAndPath) -> {
            By summary = By.cssSelector("#operations-default-" + operation + " .opblock-summary");
            assertThat(browser.find(summary).findElement(By.className("opblock-summary-method")).getText())
                    .as(operation).isEqualTo(methodAndPath.get(0));
            assertThat(browser.find(summary).findElement(By.className("opblock-summary-path"))
                    .getAttribute("data-path")).as(operation).isEqualTo(methodAndPath.get(1));
        });
    }

    @Test
    void aCustomerLogsInFromThePageAndTheTokenItShowsIsARealSession(Customers customers) throws IOException {
        Customer customer = customers.create();

        JsonNode answer = tryLogin(customer.email(), customer.password(), Api.CLIENT_VERSION, "200");

        assertThat(answer.path("data").path("user").path("email").asText()).isEqualTo(customer.email());
        Api.Response currentUser = api.currentUser(answer.path("data").path("jwt").asText());
        assertThat(currentUser.status()).isEqualTo(200);
        assertThat(currentUser.json().path("data").path("user").path("customer_id").asText())
                .isEqualTo(customer.customerId());
    }

    @Test
    void theClientVersionTypedInThePageIsTheOneTheApiJudges(Customers customers) throws IOException {
        Customer customer = customers.create();

        JsonNode answer = tryLogin(customer.email(), customer.password(), "1.0.0", "426");

        assertThat(answer.path("minimum_version").asText()).isEqualTo(Api.CLIENT_VERSION);
    }

    @Test
    void thePageLoadsEverythingFromTheServerItself() {
        openThePage();
        browser.find(By.id("operations-default-login"));

        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.script(
                "return performance.getEntriesByType('resource').map(entry => entry.name);");
        assertThat(loaded).contains(api.baseUrl() + "/docs/swagger-ui-bundle.js", api.baseUrl() + "/openapi.json")
                .allSatisfy(url -> assertThat(url).startsWith(api.serverUrl() + "/"));
    }

    @Test
    void thePageAndItsFilesNeedNoClientVersionAndNothingElseIsServed() throws Exception {
        Api.Response page = api.request("GET", "/docs").header("X-Client-Version", null).header("Accept", "text/html")
                .send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<meta http-equiv=\"Content-Security-Policy\"");

        HttpResponse<byte[]> styles = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/docs/swagger-ui.css")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/css"));

        assertThat(api.get("/docs/index.html").status()).isEqualTo(404);
        Api.Response post = api.post("/docs", Map.of());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, OPTIONS");
    }

    /** A fresh load of the page, whatever an earlier test left open in it. */
    private void openThePage() {
        browser.open("about:blank");
        browser.open(api.baseUrl() + "/docs");
    }

    /** Opens the login route on the page, types the request as a person would, runs it, and reads the answer. */
    private JsonNode tryLogin(String email, String password, String clientVersion, String expectedStatus)
            throws IOException {
        String login = "#operations-default-login ";
        openThePage();
        browser.click(By.cssSelector(login + ".opblock-summary"));
        By version = By.cssSelector(login + "tr[data-param-name='X-Client-Version'] input");
        assertThat(browser.find(version).getAttribute("value")).as("the shipped minimum, to start with")
                .isEqualTo(Api.CLIENT_VERSION);
        browser.type(version, clientVersion);
        browser.type(By.cssSelector(login + "textarea.body-param__text"),
                Api.toJson(Map.of("email", email, "password", password)));
        browser.click(By.cssSelector(login + "button.execute"));

        By status = By.cssSelector(login + ".live-responses-table .response .response-col_status");
        assertThat(browser.awaitText(status, text -> !text.isEmpty())).startsWith(expectedStatus);
        String body = browser.find(By.cssSelector(login + ".live-responses-table .response-col_description pre"))
                .getText();
        return JSON.readTree(body);
    }
}
