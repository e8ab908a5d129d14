package io.customerauth.it.stack;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class PackIsInstalledIT {

    @ParameterizedTest
    @ValueSource(strings = {"/version", "/version/"})
    void versionRouteAnswersThePackNameAndVersionAsJson(String path, Api api) {
        Api.Response response = api.get(path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("name").asText()).isEqualTo("Customer Auth for Keycloak");
        assertThat(response.json().path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    /** The argon2 inlining of config/keycloak.env reaches the server's JVM (through kc.sh's JAVA_OPTS_APPEND). */
    @Test
    void keycloakRunsWithTheJvmOptionsOfConfigKeycloakEnv(TestStack stack) {
        assertThat(stack.keycloakJvmArguments()).contains("-XX:CompileCommand=quiet",
                "-XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*");
    }
}
