package io.customerauth.it.logging;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.ServerLog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other integration test class (see {@code junit-platform.properties}) and reads the whole
 * {@code test.log} of the run: no password, token or emailed code used anywhere in the suite was ever logged.
 */
@CustomerAuthIT
@Order(Integer.MAX_VALUE)
class NoSecretInTheLogIT {

    /** The start of any base64url JSON object, as every JWT's header and payload begin: {"... */
    private static final Pattern JWT_PART = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}");
    /** Every password the harness makes (Customers.spec()), and the wrong ones the tests type. */
    private static final List<String> PASSWORD_MARKERS = List.of("Correct-Horse-", "Wrong-password", "Not-the-password",
            "Whatever-password", "Not-logged-1", "Irrelevant-1");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void noPasswordTokenOrEmailedCodeOfTheWholeRunIsInTheLog(Api api, Oidc oidc, Customers customers,
                                                            Mailbox mailbox, Keycloak admin, ServerLog serverLog) {
        Customer customer = customers.create();
        String wrongPassword = "Wrong-password-" + java.util.UUID.randomUUID();
        api.login(customer.email(), wrongPassword);
        Api.Response login = api.login(customer.email(), customer.password());
        String jwt = login.json().path("data").path("jwt").asText();
        String refreshToken = login.json().path("data").path("refresh_token").asText();
        api.currentUser(jwt);
        api.currentUser(jwt + "tampered");
        String refreshed = oidc.refresh("customer-app", refreshToken).json().path("access_token").asText();
        String adminToken = admin.tokenManager().getAccessTokenString();
        SeedLog.sleep(java.time.Duration.ofSeconds(1));

        String text = serverLog.text();

        for (String secret : List.of(customer.password(), wrongPassword, jwt, refreshToken, refreshed, adminToken)) {
            assertThat(secret).isNotBlank();
            assertThat(text).doesNotContain(secret);
        }
        for (String marker : PASSWORD_MARKERS) {
            assertThat(text).as("a test password (%s...)", marker).doesNotContain(marker);
        }
        assertThat(matches(JWT_PART, text)).as("anything shaped like a JWT").isEmpty();
        List<String> emailedCodes = mailbox.all().stream()
                .flatMap(mail -> matches(UUID, mail.text() + " " + mail.html()).stream())
                .distinct()
                .toList();
        assertThat(emailedCodes).as("UUIDs sent by mail during the run (codes) found in the log")
                .filteredOn(text::contains).isEmpty();
        assertThat(text).as("the log is not empty, so the checks above mean something")
                .contains("POST /auth/login/ 200", "GET /auth/ 200", "GET /auth/ 401");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
