package io.customerauth.it.logging;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.ServerLog;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The lines each kind of request writes to the real server's {@code test.log}, in the seed's format. */
@CustomerAuthIT
class RequestLogLinesIT {

    private final Api api;
    private final Customers customers;
    private final SeedLog log;

    RequestLogLinesIT(Api api, Customers customers, ServerLog serverLog) {
        this.api = api;
        this.customers = customers;
        this.log = SeedLog.of(serverLog);
    }

    @Test
    void aLoginWritesOneInfoAccessLineCarryingTheCustomerId() {
        Customer customer = customers.create();
        String requestId = SeedLog.newRequestId("login");

        Api.Response response = api.request("POST", "/login/").header("X-Request-ID", requestId)
                .json(Map.of("email", customer.email(), "password", customer.password())).send();

        assertThat(response.status()).isEqualTo(200);
        SeedLine line = log.linesOf(requestId, 1).get(0);
        assertThat(line.level()).isEqualTo("INFO");
        assertThat(line.logType()).isEqualTo("server");
        assertThat(line.message()).isEqualTo("POST /auth/login/ 200");
        assertThat(line.path()).isEqualTo("/auth/login/");
        assertThat(line.customerId()).isEqualTo(customer.customerId());
        assertThat(line.remoteAddr()).isEqualTo("127.0.0.1");
        assertThat(line.file()).isEqualTo(SeedLog.SCOPE_FILE);
        assertThat(line.line()).isPositive();
    }

    @Test
    void currentUserWritesTheAccessLineWithTheCustomerOfTheToken() {
        Customer customer = customers.create();
        String jwt = api.accessToken(customer.email(), customer.password());
        String requestId = SeedLog.newRequestId("current-user");

        Api.Response response = api.request("GET", "/").bearer(jwt).header("X-Request-ID", requestId).send();

        assertThat(response.status()).isEqualTo(200);
        SeedLine line = log.linesOf(requestId, 1).get(0);
        assertThat(line.level()).isEqualTo("INFO");
        assertThat(line.logType()).isEqualTo("server");
        assertThat(line.message()).isEqualTo("GET /auth/ 200");
        assertThat(line.path()).isEqualTo("/auth/");
        assertThat(line.customerId()).isEqualTo(customer.customerId());
    }

    @Test
    void aBadRequestWritesAClientWarningWithTheFieldErrorsThenTheAccessLine() {
        String requestId = SeedLog.newRequestId("bad-request");

        Api.Response response = api.request("POST", "/login/").header("X-Request-ID", requestId)
                .json(Map.of("password", "Not-logged-1")).send();

        assertThat(response.status()).isEqualTo(400);
        List<SeedLine> lines = log.linesOf(requestId, 2);
        SeedLine warning = lines.get(0);
        assertThat(warning.level()).isEqualTo("WARNING");
        assertThat(warning.logType()).isEqualTo("client");
        assertThat(warning.message()).isEqualTo("{'email': ['Missing data for required field.']}");
        assertThat(warning.path()).isEqualTo("/auth/login/");
        assertThat(warning.customerId()).isEqualTo("None");
        SeedLine access = lines.get(1);
        assertThat(access.level()).isEqualTo("INFO");
        assertThat(access.logType()).isEqualTo("server");
        assertThat(access.message()).isEqualTo("POST /auth/login/ 400");
        assertThat(access.customerId()).isEqualTo("None");
    }

    @Test
    void anOldClientWritesAClientWarningWithTheMinimumThenA426AccessLine() {
        String requestId = SeedLog.newRequestId("old-client");

        Api.Response response = api.request("GET", "/version").header("X-Client-Version", "2.0.9")
                .header("X-Request-ID", requestId).send();

        assertThat(response.status()).isEqualTo(426);
        List<SeedLine> lines = log.linesOf(requestId, 2);
        assertThat(lines.get(0).level()).isEqualTo("WARNING");
        assertThat(lines.get(0).logType()).isEqualTo("client");
        assertThat(lines.get(0).message()).isEqualTo("{'message': 'This version of the app is no longer supported."
                + " Please update it.', 'minimum_version': '2.1.0'}");
        assertThat(lines.get(1).level()).isEqualTo("INFO");
        assertThat(lines.get(1).message()).isEqualTo("GET /auth/version 426");
        assertThat(lines.get(1).path()).isEqualTo("/auth/version");
    }

    @Test
    void aWrongPasswordWritesTheMessageAndNoCustomerIdAndKeycloaksEventLineSharesTheRequestId() {
        Customer customer = customers.create();
        String requestId = SeedLog.newRequestId("wrong-password");

        Api.Response response = api.request("POST", "/login").header("X-Request-ID", requestId)
                .json(Map.of("email", customer.email(), "password", "Wrong-password-in-log-test-1")).send();

        assertThat(response.status()).isEqualTo(401);
        List<SeedLine> lines = log.linesOf(requestId, 2);
        assertThat(lines).extracting(SeedLine::level, SeedLine::logType, SeedLine::message).containsExactly(
                tuple("WARNING", "client", "Invalid email or password."),
                tuple("INFO", "server", "POST /auth/login 401"));
        assertThat(lines).extracting(SeedLine::customerId).containsOnly("None");
        assertThat(log.everyLineOf(requestId, 3)).as("Keycloak's LOGIN_ERROR event, logged inside the request")
                .anySatisfy(line -> assertThat(line.message()).startsWith("type=\"LOGIN_ERROR\""));
    }

    @Test
    void anUnexpectedErrorWritesAnErrorWithTheStackTraceThenA500AccessLine(RealmResource realm) {
        Customer customer = customers.create();
        ClientResource client = realm.clients().get(realm.clients().findByClientId("customer-app").get(0).getId());
        ClientRepresentation representation = client.toRepresentation();
        String requestId = SeedLog.newRequestId("server-error");
        Api.Response response;
        try {
            representation.setEnabled(false);
            client.update(representation);
            response = api.request("POST", "/login/").header("X-Request-ID", requestId)
                    .json(Map.of("email", customer.email(), "password", customer.password())).send();
        } finally {
            representation.setEnabled(true);
            client.update(representation);
        }

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("request_id").asText()).isEqualTo(requestId);
        List<SeedLine> lines = log.linesOf(requestId, 2);
        SeedLine error = lines.get(0);
        assertThat(error.level()).isEqualTo("ERROR");
        assertThat(error.logType()).isEqualTo("server");
        assertThat(error.message()).startsWith("Unexpected error while answering POST /auth/login/")
                .contains("java.lang.IllegalStateException: realm customers has no enabled client customer-app");
        List<String> raw = log.raw();
        int at = raw.indexOf(raw.stream().filter(l -> l.contains("[" + requestId + "]") && l.contains("[ERROR]"))
                .findFirst().orElseThrow());
        assertThat(raw.get(at + 1)).as("the stack trace follows the ERROR line").startsWith("\tat ");
        assertThat(lines.get(1).level()).isEqualTo("INFO");
        assertThat(lines.get(1).message()).isEqualTo("POST /auth/login/ 500");
        assertThat(response.body()).doesNotContain("IllegalStateException");
    }

    @Test
    void aSpoofedForwardedForIsIgnoredWithoutProxyHeaders() {
        String requestId = SeedLog.newRequestId("forwarded");

        api.request("GET", "/version").header("X-Request-ID", requestId)
                .header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=6.6.6.7").send();

        assertThat(log.linesOf(requestId, 1).get(0).remoteAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void theConsoleWritesTheSameLines() {
        String requestId = SeedLog.newRequestId("console");

        api.request("GET", "/version").header("X-Request-ID", requestId).send();

        SeedLine inFile = log.linesOf(requestId, 1).get(0);
        SeedLine onConsole = SeedLog.console().linesOf(requestId, 1).get(0);
        assertThat(onConsole).isEqualTo(inFile);
        assertThat(onConsole.message()).isEqualTo("GET /auth/version 200");
    }

    @Test
    void keycloaksOwnLinesHaveTheSameShapeWithEmptyRequestFields() {
        assertThat(log.parsed()).filteredOn(line -> !line.file().equals(SeedLog.SCOPE_FILE))
                .as("Keycloak's startup lines").isNotEmpty()
                .anySatisfy(line -> {
                    assertThat(line.requestId()).isEmpty();
                    assertThat(line.customerId()).isEmpty();
                    assertThat(line.path()).isEmpty();
                    assertThat(line.logType()).isEmpty();
                });
    }
}
