package io.customerauth.it.api;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class CorsIT {

    private static final String WEB_ORIGIN = "http://localhost:3000";
    private static final String OTHER_ORIGIN = "https://evil.example";

    private final Api api;

    CorsIT(Api api) {
        this.api = api;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login/", "/forgot_password/", "/reset_password", "/version"})
    void preflightFromTheAppsWebOriginAllowsTheApisHeaders(String path) {
        Api.Response response = api.request("OPTIONS", path)
                .header("X-Client-Version", null)
                .header("Origin", WEB_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-client-version")
                .send();

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(WEB_ORIGIN);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).contains("X-Client-Version", "Authorization");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login/"})
    void preflightFromAnotherOriginGetsNoCorsHeaders(String path) {
        Api.Response response = api.request("OPTIONS", path)
                .header("X-Client-Version", null)
                .header("Origin", OTHER_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .send();

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {WEB_ORIGIN, OTHER_ORIGIN})
    void responsesCarryCorsHeadersOnlyForTheAppsWebOrigin(String origin) {
        Api.Response response = api.request("POST", "/login/").header("Origin", origin)
                .json(Map.of("email", "nobody@example.test", "password", "whatever-1")).send();

        assertThat(response.status()).isEqualTo(401);
        if (origin.equals(WEB_ORIGIN)) {
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(WEB_ORIGIN);
            assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-ID");
        } else {
            assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        }
    }
}
