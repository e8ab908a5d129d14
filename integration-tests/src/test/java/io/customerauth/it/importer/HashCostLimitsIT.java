package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.ServerLog;
import io.customerauth.it.harness.Timing;

/**
 * A stored password hash names its own cost. Credentials stored through Keycloak's plain admin API (which checks
 * nothing) with a cost over the pack's limits are refused at login without being hashed: the login fails as fast as
 * an ordinary wrong password, leaves a WARN line and a LOGIN_ERROR event, and everyone else still logs in. Each hash
 * here would cost about a second or more per login if it were computed (bcrypt cost 17, argon2 with 200 passes...).
 */
@CustomerAuthIT
class HashCostLimitsIT {

    private static final String SALT = Base64.getEncoder().encodeToString("saltsaltsaltsalt".getBytes());
    private static final String HASH_32 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final int SAMPLES = 5;

    /** One over-cost credential per algorithm, in the JSON Keycloak stores. */
    enum OverCost {
        ARGON2_PASSES("{\"hashIterations\":200,\"algorithm\":\"argon2\","
                + "\"additionalParameters\":{\"hashLength\":[\"32\"],\"memory\":[\"7168\"],\"type\":[\"id\"],"
                + "\"version\":[\"1.3\"],\"parallelism\":[\"1\"]}}",
                "{\"value\":\"" + HASH_32 + "\",\"salt\":\"" + SALT + "\",\"additionalParameters\":{}}"),
        KEYCLOAK_PBKDF2_SHA256(
                "{\"hashIterations\":5000001,\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}",
                "{\"value\":\"" + HASH_32 + "\",\"salt\":\"" + SALT + "\",\"additionalParameters\":{}}"),
        BCRYPT_COST_17("{\"hashIterations\":17,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}",
                "{\"value\":\"$2b$17$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi\","
                        + "\"additionalParameters\":{}}"),
        WERKZEUG_SCRYPT_P9("{\"hashIterations\":32768,\"algorithm\":\"werkzeug-scrypt\","
                + "\"additionalParameters\":{\"blockSize\":[\"8\"],\"parallelism\":[\"9\"]}}",
                "{\"value\":\"" + "ab".repeat(64) + "\",\"salt\":\"" + SALT + "\",\"additionalParameters\":{}}"),
        WERKZEUG_PBKDF2_ITERATIONS("{\"hashIterations\":5000001,\"algorithm\":\"werkzeug-pbkdf2\","
                + "\"additionalParameters\":{\"hashAlgorithm\":[\"sha256\"]}}",
                "{\"value\":\"" + "ab".repeat(32) + "\",\"salt\":\"" + SALT + "\",\"additionalParameters\":{}}");

        final String credentialData;
        final String secretData;

        OverCost(String credentialData, String secretData) {
            this.credentialData = credentialData;
            this.secretData = secretData;
        }
    }

    private final Api api;
    private final Customers customers;

    HashCostLimitsIT(Api api, Customers customers) {
        this.api = api;
        this.customers = customers;
    }

    @ParameterizedTest
    @EnumSource(OverCost.class)
    void aCustomerWithAnOverCostHashFailsLoginAsFastAsAWrongPassword(OverCost hash) {
        timedLogin(customers.create().email());
        timedLogin(customers.createWithStoredPassword(hash.credentialData, hash.secretData).email());
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> overCost = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            Customer ordinary = customers.create();
            Customer poisoned = customers.createWithStoredPassword(hash.credentialData, hash.secretData);
            wrongPassword.add(timedLogin(ordinary.email()));
            overCost.add(timedLogin(poisoned.email()));
        }

        double ratio = Timing.medianMillis(overCost) / Timing.medianMillis(wrongPassword);

        assertThat(ratio).as("median login time, over-cost hash / ordinary wrong password (%s vs %s)", overCost,
                wrongPassword).isLessThan(1.5);
        Customer ordinary = customers.create();
        assertThat(api.login(ordinary.email(), ordinary.password()).status()).isEqualTo(200);
    }

    @Test
    void aRefusedHashLeavesAWarningAndALoginErrorEventWithoutTheHash(Events events, RealmResource realm,
                                                                    ServerLog log) {
        OverCost hash = OverCost.ARGON2_PASSES;
        Customer poisoned = customers.createWithStoredPassword(hash.credentialData, hash.secretData);
        String credentialId = customers.passwordCredentialId(poisoned);

        assertThat(api.login(poisoned.email(), "Wrong-password-1").status()).isEqualTo(401);

        EventRepresentation refusal = realm.getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 200)
                .stream()
                .filter(event -> credentialId.equals(event.getDetails().get("credential_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no LOGIN_ERROR event for " + credentialId));
        assertThat(refusal.getError()).isEqualTo("password_hash_over_cost_limit");
        assertThat(refusal.getDetails()).containsEntry("hash_algorithm", "argon2")
                .containsEntry("reason", "argon2 iterations 200 are outside 1..10");
        assertThat(events.await(poisoned.id(), "LOGIN_ERROR").getError()).isEqualTo("invalid_user_credentials");
        List<String> lines = linesNaming(log, credentialId);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[WARN]",
                "outside the hash cost limits (argon2 iterations 200 are outside 1..10): refused without hashing"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(HASH_32).doesNotContain(SALT)
                .doesNotContain("[ERROR]"));
    }

    /** The log lines naming this text, once the pack's WARN line is among them (the file is written asynchronously). */
    private static List<String> linesNaming(ServerLog log, String text) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = log.lines().stream().filter(line -> line.contains(text)).toList();
            if (lines.stream().anyMatch(line -> line.contains("HashCostRefusal"))) {
                return lines;
            }
            sleep();
        }
        return lines;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long timedLogin(String email) {
        long start = System.nanoTime();
        Api.Response response = api.login(email, "Wrong-password-1");
        long elapsed = System.nanoTime() - start;
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        return elapsed;
    }
}
