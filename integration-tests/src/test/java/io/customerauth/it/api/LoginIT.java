package io.customerauth.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.Oidc;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class LoginIT {

    private final Api api;
    private final Customers customers;

    LoginIT(Api api, Customers customers) {
        this.api = api;
        this.customers = customers;
    }

    @Test
    void loginAnswersTheContractShape() {
        Customer customer = customers.create(Customers.spec().country("DE").language("fr"));

        Api.Response response = api.login(customer.email(), customer.password());

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.json().path("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("jwt", "user", "refresh_token", "expires_in");
        assertThat(data.path("user").fieldNames()).toIterable()
                .containsExactly("country", "customer_id", "email", "language");
        assertThat(data.path("user").path("country").asText()).isEqualTo("DE");
        assertThat(data.path("user").path("customer_id").asText()).isEqualTo(customer.customerId());
        assertThat(data.path("user").path("email").asText()).isEqualTo(customer.email().toLowerCase(Locale.ROOT));
        assertThat(data.path("user").path("language").asText()).isEqualTo("fr");
        assertThat(data.path("expires_in").asInt()).isPositive();
        assertThat(data.path("refresh_token").asText()).isNotBlank();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void jwtIsARealCustomerAppAccessTokenCarryingTheCustomerClaims(Oidc oidc) {
        Customer customer = customers.create(Customers.spec().country("IT").language("it"));

        String jwt = api.accessToken(customer.email(), customer.password());

        assertThat(oidc.verifiesWithRealmKeys(jwt)).isTrue();
        JsonNode claims = Oidc.claims(jwt);
        assertThat(claims.path("azp").asText()).isEqualTo("customer-app");
        assertThat(claims.path("typ").asText()).isEqualTo("Bearer");
        assertThat(claims.path("iss").asText()).endsWith("/realms/customers");
        assertThat(claims.path("sub").asText()).isEqualTo(customer.id());
        assertThat(claims.path("customer_id").asText()).isEqualTo(customer.customerId());
        assertThat(claims.path("country").asText()).isEqualTo("IT");
        assertThat(claims.path("language").asText()).isEqualTo("it");
        assertThat(claims.path("email").asText()).isEqualTo(customer.email().toLowerCase(Locale.ROOT));
    }

    @Test
    void userinfoAcceptsTheJwtAndShowsTheCustomerClaims(Oidc oidc) {
        Customer customer = customers.create();
        String jwt = api.accessToken(customer.email(), customer.password());

        Api.Response userinfo = oidc.userinfo(jwt);

        assertThat(userinfo.status()).isEqualTo(200);
        assertThat(userinfo.json().path("customer_id").asText()).isEqualTo(customer.customerId());
        assertThat(userinfo.json().path("country").asText()).isEqualTo("FR");
    }

    @Test
    void refreshTokenWorksAtKeycloaksTokenEndpoint(Oidc oidc) {
        Customer customer = customers.create();
        String refreshToken = api.login(customer.email(), customer.password()).json().path("data")
                .path("refresh_token").asText();

        Api.Response refreshed = oidc.refresh("customer-app", refreshToken);

        assertThat(refreshed.status()).isEqualTo(200);
        String newJwt = refreshed.json().path("access_token").asText();
        assertThat(api.currentUser(newJwt).status()).isEqualTo(200);
    }

    @Test
    void loginCreatesASessionAdminsSeeAndAdminLogoutEndsIt(RealmResource realm) {
        Customer customer = customers.create();
        String jwt = api.accessToken(customer.email(), customer.password());
        assertThat(realm.users().get(customer.id()).getUserSessions()).singleElement()
                .satisfies(s -> assertThat(s.getClients()).containsValue("customer-app"));
        assertThat(api.currentUser(jwt).status()).isEqualTo(200);

        realm.users().get(customer.id()).logout();

        Api.Response afterLogout = api.currentUser(jwt);
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void emailMatchesCaseInsensitivelyButThePasswordExactly() {
        Customer customer = customers.create();

        assertThat(api.login(customer.email().toUpperCase(Locale.ROOT), customer.password()).status())
                .isEqualTo(200);
        assertThat(api.login(customer.email(), customer.password().toUpperCase(Locale.ROOT)).status())
                .isEqualTo(401);
    }

    @Test
    void loginRecordsLoginEventsWithTheClientAndTheUser(Events events) {
        Customer customer = customers.create();

        api.login(customer.email(), "Wrong-password-1");
        api.login(customer.email(), customer.password());

        EventRepresentation login = events.await(customer.id(), "LOGIN");
        assertThat(login.getClientId()).isEqualTo("customer-app");
        EventRepresentation error = events.await(customer.id(), "LOGIN_ERROR");
        assertThat(error.getClientId()).isEqualTo("customer-app");
        assertThat(error.getError()).isEqualTo("invalid_user_credentials");
    }

    @Test
    void wrongPasswordUnknownEmailAndDisabledUserGetTheSameAnswer() {
        Customer wrongPassword = customers.create();
        Customer disabled = customers.create();
        customers.disable(disabled);

        Api.Response wrong = api.login(wrongPassword.email(), "Not-the-password-1");
        Api.Response unknown = api.login("nobody-" + System.nanoTime() + "@example.test", "Whatever-password-1");
        Api.Response off = api.login(disabled.email(), disabled.password());

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"message\":\"Invalid email or password.\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(off.status()).isEqualTo(401);
        assertThat(off.body()).isEqualTo(wrong.body());
    }

    @Test
    void loginAnswersWithAndWithoutTrailingSlash() {
        Customer customer = customers.create();

        Api.Response withoutSlash = api.post("/login", Map.of("email", customer.email(),
                "password", customer.password()));

        assertThat(withoutSlash.status()).isEqualTo(200);
    }
}
