package io.customerauth.importer.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminClientTest {

    private static final String PATH = "/admin/realms/customers/partialImport";

    private FakeKeycloak keycloak;

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    @Test
    void logsInAsTheAdminAndSendsTheBearerToken() throws Exception {
        keycloak.queue(PATH, 200, "{}");

        AdminClient client = connect("secret");
        client.postJson(PATH, "{}".getBytes());

        assertThat(keycloak.requests.get(0).body()).contains("grant_type=password", "client_id=admin-cli",
                "username=admin");
        assertThat(keycloak.requests.get(1).authorization()).isEqualTo("Bearer token-1");
    }

    @Test
    void reportsARefusedAdminLoginWithoutThePassword() {
        assertThatThrownBy(() -> connect("wrong-password"))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("refused the admin login")
                .hasMessageContaining("Invalid user credentials")
                .satisfies(e -> {
                    assertThat(((ServerException) e).kind()).isEqualTo(ServerException.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).doesNotContain("wrong-password");
                });
    }

    @Test
    void failsFastWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerSettings settings = new ServerSettings(URI.create("http://127.0.0.1:" + port), "customers", "master",
                "admin", "secret", 5, Duration.ofSeconds(5));
        long start = System.nanoTime();

        assertThatThrownBy(() -> new AdminClient(settings, fastBackoff()).get("/admin/realms/customers"))
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(((ServerException) e).kind()).isEqualTo(ServerException.Kind.UNREACHABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void retriesA5xxAnswerWithBackoff() throws Exception {
        keycloak.queue(PATH, 503, "{\"error\":\"unavailable\"}");
        keycloak.queue(PATH, 502, "");
        keycloak.queue(PATH, 200, "{\"added\":1}");

        AdminClient.Response response = connect("secret").postJson(PATH, "{}".getBytes());

        assertThat(response.status()).isEqualTo(200);
        assertThat(keycloak.requests.stream().filter(r -> r.path().equals(PATH))).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() throws Exception {
        for (int i = 0; i < 5; i++) {
            keycloak.queue(PATH, 500, "{\"errorMessage\":\"boom\"}");
        }

        assertThatThrownBy(() -> connect("secret").postJson(PATH, "{}".getBytes()))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("after 2 retries")
                .hasMessageContaining("HTTP 500 boom");
        assertThat(keycloak.requests.stream().filter(r -> r.path().equals(PATH))).hasSize(3);
    }

    @Test
    void refreshesTheTokenOnceWhenTheServerSays401() throws Exception {
        keycloak.queue(PATH, 401, "");
        keycloak.queue(PATH, 200, "{}");

        AdminClient.Response response = connect("secret").postJson(PATH, "{}".getBytes());

        assertThat(response.status()).isEqualTo(200);
        assertThat(keycloak.tokensIssued()).isEqualTo(2);
        assertThat(keycloak.requests.get(keycloak.requests.size() - 1).authorization()).isEqualTo("Bearer token-2");
    }

    @Test
    void refreshesATokenAboutToExpireBeforeUsingIt() throws Exception {
        keycloak.tokenLifetimeSeconds = 10;
        keycloak.queue(PATH, 200, "{}");

        connect("secret").postJson(PATH, "{}".getBytes());

        assertThat(keycloak.tokensIssued()).isEqualTo(2);
        assertThat(keycloak.requests.stream().filter(r -> r.body().contains("grant_type=refresh_token"))).hasSize(1);
    }

    @Test
    void turnsA403IntoAnAccessDeniedError() throws Exception {
        keycloak.queue(PATH, 403, "{\"error\":\"unknown_error\"}");

        assertThatThrownBy(() -> connect("secret").postJson(PATH, "{}".getBytes()))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("manage-users")
                .satisfies(e -> assertThat(((ServerException) e).kind()).isEqualTo(ServerException.Kind.FORBIDDEN));
    }

    @Test
    void readsKeycloaksErrorMessages() {
        assertThat(AdminClient.errorMessage("{\"errorMessage\":\"User exists with same email\"}"))
                .isEqualTo("User exists with same email");
        assertThat(AdminClient.errorMessage("{\"error\":\"invalid_grant\",\"error_description\":\"Bad\"}"))
                .isEqualTo("Bad");
        assertThat(AdminClient.errorMessage("<html>\nProxy error</html>")).isEqualTo("<html> Proxy error</html>");
        assertThat(AdminClient.errorMessage("")).isEqualTo("(no message)");
        assertThat(AdminClient.errorMessage("x".repeat(1000))).hasSize(303);
    }

    private AdminClient connect(String password) throws ServerException {
        return AdminClient.connect(keycloak.settings(password), fastBackoff());
    }

    static Backoff fastBackoff() {
        return new Backoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }
}
