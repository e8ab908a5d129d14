package io.customerauth.it.api;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.BulkEndpoint;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.MedianSpread;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed login costs the same whatever the account is: unknown, with a wrong password, without a stored password
 * (imported without a hash), disabled, locked out, or holding any of the stored algorithms (the realm's argon2,
 * Keycloak's pbkdf2, imported bcrypt and werkzeug hashes) — at the JSON API and at Keycloak's own token endpoint,
 * which run the same flow. Samples of every case are interleaved in shuffled rounds; the medians must be within 20%
 * of each other (ratios, never absolute times). A busy machine makes single samples noisy, so the test decides on a
 * 95% confidence interval of the ratio ({@link MedianSpread}) and measures another batch of rounds, up to
 * {@value #MAX_BATCHES} in all, while the interval straddles the bound, instead of on one sample of medians.
 */
@CustomerAuthIT
class EvenLoginTimingIT {

    /** Interleaved rounds per batch, and the batches measured at most while the evidence is not conclusive. */
    private static final int ROUNDS = 15;
    private static final int MAX_BATCHES = 3;
    private static final double MAX_RATIO = 1.2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final Oidc oidc;
    private final Customers customers;
    private final RealmResource realm;
    private final Keycloak admin;

    EvenLoginTimingIT(Api api, Oidc oidc, Customers customers, RealmResource realm, Keycloak admin) {
        this.api = api;
        this.oidc = oidc;
        this.customers = customers;
        this.realm = realm;
        this.admin = admin;
    }

    @Test
    void aFailedLoginTakesTheSameTimeWhateverTheAccountAtTheApiAndTheTokenEndpoint() {
        Map<String, Account> cases = new LinkedHashMap<>();
        cases.put("unknown email", new Account("nobody-" + UUID.randomUUID() + "@example.test", null));
        cases.put("wrong password (argon2)", existing(customers.create()));
        cases.put("no stored password", existing(customers.create(Customers.spec().password(null))));
        cases.put("disabled", existing(customers.create(Customers.spec().disabled())));
        cases.put("locked out", lockedOut(customers.create()));
        cases.put("pbkdf2-sha256", imported(pbkdf2Sha256()));
        cases.put("bcrypt", imported(bcrypt()));
        cases.put("werkzeug scrypt", imported(werkzeugScrypt()));
        cases.put("werkzeug pbkdf2", imported(werkzeugPbkdf2()));
        Map<String, Function<Account, Integer>> endpoints = Map.of(
                "POST /auth/login/", account -> api.login(account.email(), "Wrong-password-9").status(),
                "token endpoint", account -> oidc.passwordGrant("customer-app", account.email(),
                        "Wrong-password-9", Api.CLIENT_VERSION).status());

        for (Map.Entry<String, Function<Account, Integer>> endpoint : endpoints.entrySet()) {
            Map<String, List<Long>> samples = new LinkedHashMap<>();
            cases.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
            Random shuffle = new Random(42);
            measure(cases, endpoint, samples, shuffle, 1, false);
            MedianSpread spread = null;
            for (int batch = 1; batch <= MAX_BATCHES; batch++) {
                measure(cases, endpoint, samples, shuffle, ROUNDS, true);
                spread = new MedianSpread(samples);
                double[] interval = spread.confidenceInterval95();
                System.out.printf("%s, batch %d: %s%n", endpoint.getKey(), batch, spread);
                if (interval[1] <= MAX_RATIO || interval[0] > MAX_RATIO) {
                    break;
                }
            }
            // The bound is on the ratio of the medians over every round measured: the interval only decides when
            // the evidence suffices (wholly under the bound: even; wholly over it: a real difference, re-measuring
            // would not change it) and when another batch is needed first.
            assertThat(spread.ratio()).as("%s: %s", endpoint.getKey(), spread).isLessThanOrEqualTo(MAX_RATIO);
        }
    }

    /**
     * Rounds of one failed login per case in a shuffled order, so that a change of the machine's load hits every case
     * alike; a warm-up ({@code keep} false) keeps no sample.
     */
    private void measure(Map<String, Account> cases, Map.Entry<String, Function<Account, Integer>> endpoint,
                         Map<String, List<Long>> samples, Random shuffle, int rounds, boolean keep) {
        List<String> order = new ArrayList<>(cases.keySet());
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, shuffle);
            for (String name : order) {
                Account account = cases.get(name);
                long start = System.nanoTime();
                int status = endpoint.getValue().apply(account);
                long took = System.nanoTime() - start;
                assertThat(status).as("%s, %s", endpoint.getKey(), name).isIn(400, 401);
                if (keep) {
                    samples.get(name).add(took);
                }
                account.forgetFailures(realm);
            }
        }
    }

    private static Account existing(Customer customer) {
        return new Account(customer.email(), customer.id());
    }

    /** Locked by failed logins; its failures are not forgotten between samples, so it stays locked. */
    private Account lockedOut(Customer customer) {
        for (int attempt = 0; attempt < 10
                && !Boolean.TRUE.equals(realm.attackDetection().bruteForceUserStatus(customer.id()).get("disabled"));
             attempt++) {
            api.login(customer.email(), "Wrong-password-" + attempt);
        }
        assertThat(realm.attackDetection().bruteForceUserStatus(customer.id()).get("disabled")).isEqualTo(true);
        return new Account(customer.email(), null);
    }

    /** A customer whose stored password has this algorithm, through the pack's bulk endpoint. */
    private Account imported(Map<String, Object> credential) {
        String email = "timing-" + UUID.randomUUID() + "@example.test";
        Api.Response response = BulkEndpoint.post(api, admin.tokenManager().getAccessTokenString(),
                List.of(BulkEndpoint.customer(email, UUID.randomUUID().toString(), "FR", "fr", credential)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("results").get(0).path("status").asText()).as(response.toString())
                .isEqualTo("CREATED");
        String id = realm.users().searchByEmail(email, true).get(0).getId();
        return new Account(email, id);
    }

    /** Keycloak's own pbkdf2-sha256 at its former default of 27,500 iterations. */
    private static Map<String, Object> pbkdf2Sha256() {
        return credential("{\"hashIterations\":27500,\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}",
                "{\"value\":\"" + base64(64) + "\",\"salt\":\"" + base64(16) + "\",\"additionalParameters\":{}}");
    }

    /** Python bcrypt's common cost 10. */
    private static Map<String, Object> bcrypt() {
        return credential("{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}",
                "{\"value\":\"$2b$10$Jq0sT2lYqPz4aW6bXc8dE.44GEwh65xeI9293746CEtRtqHJ59fzy\","
                        + "\"additionalParameters\":{}}");
    }

    /** werkzeug's scrypt with N = 16384, r = 8, p = 1. */
    private static Map<String, Object> werkzeugScrypt() {
        return credential("{\"hashIterations\":16384,\"algorithm\":\"werkzeug-scrypt\",\"additionalParameters\":"
                        + "{\"blockSize\":[\"8\"],\"parallelism\":[\"1\"]}}",
                "{\"value\":\"" + hex(64) + "\",\"salt\":\"" + base64(12) + "\",\"additionalParameters\":{}}");
    }

    /** werkzeug 2.0's default pbkdf2:sha256 with 150,000 iterations. */
    private static Map<String, Object> werkzeugPbkdf2() {
        return credential("{\"hashIterations\":150000,\"algorithm\":\"werkzeug-pbkdf2\",\"additionalParameters\":"
                        + "{\"hashAlgorithm\":[\"sha256\"]}}",
                "{\"value\":\"" + hex(32) + "\",\"salt\":\"" + base64(12) + "\",\"additionalParameters\":{}}");
    }

    private static Map<String, Object> credential(String credentialData, String secretData) {
        return Map.of("type", "password", "credentialData", credentialData, "secretData", secretData);
    }

    private static String base64(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** An email to log in with; {@code userId} is set where its failures must be forgotten after each sample. */
    private record Account(String email, String userId) {
        void forgetFailures(RealmResource realm) {
            if (userId != null) {
                realm.attackDetection().clearBruteForceForUser(userId);
            }
        }
    }
}
