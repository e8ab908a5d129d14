package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;

/**
 * Customers imported with a bcrypt, werkzeug scrypt, werkzeug pbkdf2 or argon2id hash log in through the JSON API
 * with their old password, and Keycloak then stores the password re-hashed with the realm's algorithm (argon2).
 */
@CustomerAuthIT
class LegacyPasswordIT {

    private final Api api;
    private final ImportTool tool;
    private final Database database;

    LegacyPasswordIT(Api api, Database database) {
        this.api = api;
        this.tool = new ImportTool(api);
        this.database = database;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk", "partial-import"})
    void customersLogInWithTheirOldPasswordAndAreReHashed(String writer) {
        ImportTool.Export export = tool.generate(4, 100, 0);
        List<ImportTool.Generated> customers = ImportTool.customers(export.file());

        ImportTool.Run run = tool.run("--writer", writer, export.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(customers).extracting(customer -> algorithm(customer.email()))
                .containsExactly("bcrypt", "werkzeug-scrypt", "werkzeug-pbkdf2", "argon2");
        // Every wrong password first: Keycloak's blocking brute-force protector refuses (user_temporarily_disabled) a
        // login of a user whose previous failed login it is still recording off-thread, a race a cold server loses.
        for (ImportTool.Generated customer : customers) {
            assertThat(api.login(customer.email(), customer.password() + "-wrong").status())
                    .as("wrong password of %s", customer.email()).isEqualTo(401);
        }
        for (ImportTool.Generated customer : customers) {
            Api.Response login = api.login(customer.email(), customer.password());

            assertThat(login.status()).as("login of %s: %s", customer.email(), login).isEqualTo(200);
            assertThat(login.json().path("data").path("user").path("customer_id").asText())
                    .isEqualTo(customer.customerId());
        }
        for (ImportTool.Generated customer : customers) {
            awaitRealmHash(customer.email());
            assertThat(api.login(customer.email(), customer.password()).status()).isEqualTo(200);
        }
    }

    /** After the first login the stored credential is argon2 with the realm's parameters (memory 7168 KiB). */
    private void awaitRealmHash(String email) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String data = credentialData(email);
        while (!(data.contains("\"algorithm\":\"argon2\"") && data.contains("\"memory\":[\"7168\"]"))
                && Instant.now().isBefore(deadline)) {
            sleep();
            data = credentialData(email);
        }
        assertThat(data).as("credential of %s after its first login", email)
                .contains("\"algorithm\":\"argon2\"").contains("\"memory\":[\"7168\"]");
    }

    private String algorithm(String email) {
        String data = credentialData(email);
        return data.replaceAll(".*\"algorithm\":\"([^\"]+)\".*", "$1");
    }

    private String credentialData(String email) {
        Object data = database.single("select c.credential_data from credential c join user_entity u on u.id = c.user_id "
                + "join realm r on r.id = u.realm_id where r.name = 'customers' and u.email = ? and c.type = 'password'",
                email);
        return data == null ? "" : data.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
