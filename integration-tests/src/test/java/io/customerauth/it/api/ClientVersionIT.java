package io.customerauth.it.api;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class ClientVersionIT {

    private static final String FLOW = "customer direct grant";

    private final Api api;
    private final Oidc oidc;
    private final Customers customers;
    private final RealmResource realm;

    ClientVersionIT(Api api, Oidc oidc, Customers customers, RealmResource realm) {
        this.api = api;
        this.oidc = oidc;
        this.customers = customers;
        this.realm = realm;
    }

    @Test
    void tokenEndpointRefusesAnOldClientAndAcceptsTheMinimum() {
        Customer customer = customers.create();

        Api.Response old = oidc.passwordGrant("customer-app", customer.email(), customer.password(), "2.0.9");
        Api.Response current = oidc.passwordGrant("customer-app", customer.email(), customer.password(), "2.1.0");

        assertThat(old.status()).isEqualTo(426);
        assertThat(old.json().path("minimum_version").asText()).isEqualTo("2.1.0");
        assertThat(current.status()).isEqualTo(200);
    }

    @Test
    void tokenEndpointRefusesAMissingOrMalformedVersion() {
        Customer customer = customers.create();

        assertThat(oidc.passwordGrant("customer-app", customer.email(), customer.password(), null).status())
                .isEqualTo(400);
        assertThat(oidc.passwordGrant("customer-app", customer.email(), customer.password(), "2.1").status())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/version", "/login/", "/"})
    void everyRouteAnswers426WithTheMinimumToAnOldClient(String path) {
        Api.Response response = api.request(path.equals("/login/") ? "POST" : "GET", path)
                .header("X-Client-Version", "2.0.9").json(Map.of("email", "a@example.test", "password", "x"))
                .send();

        assertThat(response.status()).isEqualTo(426);
        assertThat(response.json().path("minimum_version").asText()).isEqualTo("2.1.0");
        assertThat(response.json().path("message").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2.1", "two.one.zero", "2.1.0-beta"})
    void missingOrMalformedVersionAnswers400(String header) {
        Api.Response response = api.request("GET", "/version")
                .header("X-Client-Version", header.isEmpty() ? null : header).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).contains("X-Client-Version");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(api.request("GET", "/version").header("X-Client-Version", "2.10.0").send().status())
                .isEqualTo(200);
    }

    @Test
    void aRefusedVersionNeverCountsAsALoginFailure() {
        Customer customer = customers.create();

        for (int i = 0; i < 6; i++) {
            assertThat(oidc.passwordGrant("customer-app", customer.email(), "Wrong-password-" + i, "1.0.0").status())
                    .isEqualTo(426);
            assertThat(api.request("POST", "/login/").header("X-Client-Version", "1.0.0")
                    .json(Map.of("email", customer.email(), "password", "Wrong-" + i)).send().status())
                    .isEqualTo(426);
        }

        assertThat(realm.attackDetection().bruteForceUserStatus(customer.id()).get("numFailures")).isEqualTo(0);
        assertThat(api.login(customer.email(), customer.password()).status()).isEqualTo(200);
    }

    @Test
    void changingTheMinimumInTheAuthenticatorConfigAppliesEverywhereWithoutRestart() {
        Customer customer = customers.create();
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationExecutionInfoRepresentation execution = flows.getExecutions("customer direct grant").stream()
                .filter(e -> "client-version".equals(e.getProviderId())).findFirst().orElseThrow();
        AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(execution.getAuthenticationConfig());
        try {
            config.getConfig().put("minimum_version", "2.2.0");
            flows.updateAuthenticatorConfig(config.getId(), config);

            assertThat(oidc.passwordGrant("customer-app", customer.email(), customer.password(), "2.1.0").status())
                    .isEqualTo(426);
            Api.Response api210 = api.get("/version");
            assertThat(api210.status()).isEqualTo(426);
            assertThat(api210.json().path("minimum_version").asText()).isEqualTo("2.2.0");
            assertThat(api.request("GET", "/version").header("X-Client-Version", "2.2.0").send().status())
                    .isEqualTo(200);
        } finally {
            config.getConfig().put("minimum_version", "2.1.0");
            flows.updateAuthenticatorConfig(config.getId(), config);
        }
        assertThat(api.get("/version").status()).isEqualTo(200);
    }

    @Test
    void withTheClientVersionStepDisabledNeitherEndpointHasARule() {
        Customer customer = customers.create();
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationExecutionInfoRepresentation execution = clientVersionStep(flows);
        try {
            execution.setRequirement("DISABLED");
            flows.updateExecutions(FLOW, execution);

            assertBothEndpointsAccept(customer, "1.0.0");
            assertBothEndpointsAccept(customer, null);
        } finally {
            execution.setRequirement("REQUIRED");
            flows.updateExecutions(FLOW, execution);
        }
        assertBothEndpointsRefuseAnOldClient(customer);
    }

    @Test
    void withTheClientVersionStepRemovedNeitherEndpointHasARule() {
        Customer customer = customers.create();
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationExecutionInfoRepresentation removed = clientVersionStep(flows);
        AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(removed.getAuthenticationConfig());
        flows.removeExecution(removed.getId());
        try {
            assertBothEndpointsAccept(customer, "1.0.0");
            assertBothEndpointsAccept(customer, null);
        } finally {
            flows.addExecution(FLOW, new HashMap<>(Map.of("provider", "client-version", "priority", 0)));
            AuthenticationExecutionInfoRepresentation restored = clientVersionStep(flows);
            restored.setRequirement("REQUIRED");
            flows.updateExecutions(FLOW, restored);
            config.setId(null);
            flows.newExecutionConfig(restored.getId(), config).close();
        }
        assertBothEndpointsRefuseAnOldClient(customer);
    }

    private static AuthenticationExecutionInfoRepresentation clientVersionStep(AuthenticationManagementResource flows) {
        return flows.getExecutions(FLOW).stream()
                .filter(e -> "client-version".equals(e.getProviderId())).findFirst().orElseThrow();
    }

    private void assertBothEndpointsAccept(Customer customer, String clientVersion) {
        assertThat(oidc.passwordGrant("customer-app", customer.email(), customer.password(), clientVersion).status())
                .as("token endpoint, X-Client-Version %s", clientVersion).isEqualTo(200);
        assertThat(api.request("POST", "/login/").header("X-Client-Version", clientVersion)
                .json(Map.of("email", customer.email(), "password", customer.password())).send().status())
                .as("POST /auth/login/, X-Client-Version %s", clientVersion).isEqualTo(200);
        assertThat(api.request("GET", "/version").header("X-Client-Version", clientVersion).send().status())
                .as("GET /auth/version, X-Client-Version %s", clientVersion).isEqualTo(200);
    }

    private void assertBothEndpointsRefuseAnOldClient(Customer customer) {
        assertThat(oidc.passwordGrant("customer-app", customer.email(), customer.password(), "2.0.9").status())
                .isEqualTo(426);
        assertThat(api.request("GET", "/version").header("X-Client-Version", "2.0.9").send().status())
                .isEqualTo(426);
        assertThat(api.request("GET", "/version").header("X-Client-Version", null).send().status())
                .isEqualTo(400);
    }
}
