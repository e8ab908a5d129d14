package io.customerauth.it.operability;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API describes itself: {@code GET /auth/openapi.json}, for any client version, naming the realm's real URL. */
@CustomerAuthIT
class OpenApiIT {

    private final Api api;

    OpenApiIT(Api api) {
        this.api = api;
    }

    @Test
    void theDocumentIsServedWithoutAVersionHeaderAndNamesThisRealmsUrl() {
        Api.Response response = api.request("GET", "/openapi.json").header("X-Client-Version", null).send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo(api.baseUrl());
        assertThat(document.path("info").path("version").asText())
                .isEqualTo(api.get("/version").json().path("version").asText());
        assertThat(document.path("paths").has("/login/")).isTrue();
    }

    @Test
    void anOldClientGetsTheDocumentToo() {
        assertThat(api.request("GET", "/openapi.json").header("X-Client-Version", "0.0.1").send().status())
                .isEqualTo(200);
    }

    @Test
    void browserAppsOfTheWebOriginsMayReadIt() {
        Api.Response response = api.request("GET", "/openapi.json").header("Origin", "http://localhost:3000").send();

        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    }
}
