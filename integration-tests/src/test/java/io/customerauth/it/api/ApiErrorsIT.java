package io.customerauth.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class ApiErrorsIT {

    private final Api api;

    ApiErrorsIT(Api api) {
        this.api = api;
    }

    @Test
    void malformedJsonAnswers400() {
        Api.Response response = api.request("POST", "/login/").body("application/json", "{\"email\": ").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void aJsonBodyThatIsNotAnObjectAnswers400() {
        Api.Response response = api.request("POST", "/login/").body("application/json", "[1,2]").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).isEqualTo("The request body must be a JSON object.");
    }

    @Test
    void wrongContentTypeAnswers415() {
        Api.Response response = api.request("POST", "/login/")
                .body("application/x-www-form-urlencoded", "email=a%40example.test&password=x").send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("message").asText()).isEqualTo("The request body must be application/json.");
    }

    @Test
    void bodyOver16KiBAnswers413() {
        String big = "{\"email\":\"a@example.test\",\"password\":\"" + "x".repeat(17 * 1024) + "\"}";

        Api.Response response = api.request("POST", "/login/").body("application/json", big).send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("message").asText()).isEqualTo("The request body is larger than 16 KiB.");
    }

    @Test
    void missingFieldsAnswer400WithEveryFieldsReason() {
        Api.Response response = api.post("/login/", Map.of());

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().path("errors");
        assertThat(errors.path("email").get(0).asText()).isEqualTo("Missing data for required field.");
        assertThat(errors.path("password").get(0).asText()).isEqualTo("Missing data for required field.");
        assertThat(response.json().path("message").asText()).isNotBlank();
    }

    @Test
    void invalidFieldsAnswer400WithTheirReasons() {
        Api.Response response = api.post("/login/", "{\"email\":\"not-an-email\",\"password\":42}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("email").get(0).asText())
                .isEqualTo("Not a valid email address.");
        assertThat(response.json().path("errors").path("password").get(0).asText())
                .isEqualTo("Not a valid string.");
    }

    @Test
    void anUnknownRouteAnswers404AsJson() {
        Api.Response response = api.get("/no-such-route");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("message").asText()).isEqualTo("Not found.");
    }

    @ParameterizedTest(name = "{0} {1} answers 405, Allow: {2}")
    @CsvSource({
            "GET, /login/, 'POST, OPTIONS'",
            "PUT, /login, 'POST, OPTIONS'",
            "GET, /forgot_password/, 'POST, OPTIONS'",
            "DELETE, /reset_password, 'POST, OPTIONS'",
            "POST, /, 'GET, OPTIONS'",
            "PATCH, '', 'GET, OPTIONS'",
            "POST, /version/, 'GET, OPTIONS'",
    })
    void aWrongMethodOnAKnownRouteAnswers405WithAllowAndTheJsonBody(String method, String path, String allow) {
        Api.Response response = api.request(method, path).json(Map.of()).send();

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo(allow);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("message").asText()).isEqualTo("Method not allowed.");
        assertThat(response.header("X-Request-ID")).isNotBlank();
    }

    @Test
    void aWrongMethodOnAnUnknownRouteStaysA404() {
        assertThat(api.request("DELETE", "/login/extra").send().status()).isEqualTo(404);
    }

    @Test
    void everyErrorCarriesTheRequestIdHeader() {
        Api.Response response = api.post("/login/", Map.of());

        assertThat(response.header("X-Request-ID")).isNotBlank();
    }
}
