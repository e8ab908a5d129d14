package io.customerauth.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.ServerLog;
import io.customerauth.it.harness.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class CurrentUserIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void currentUserAnswersTheUserOfTheToken(Api api, Customers customers) {
        Customer customer = customers.create(Customers.spec().country("ES").language("es"));
        String jwt = api.accessToken(customer.email(), customer.password());

        Api.Response response = api.currentUser(jwt);

        assertThat(response.status()).isEqualTo(200);
        JsonNode user = response.json().path("data").path("user");
        assertThat(user.path("customer_id").asText()).isEqualTo(customer.customerId());
        assertThat(user.path("country").asText()).isEqualTo("ES");
        assertThat(user.path("language").asText()).isEqualTo("es");
    }

    @Test
    void currentUserAnswersWithAndWithoutTrailingSlash(Api api, Customers customers) {
        Customer customer = customers.create();
        String jwt = api.accessToken(customer.email(), customer.password());

        assertThat(api.request("GET", "").bearer(jwt).send().status()).isEqualTo(200);
        assertThat(api.request("GET", "/").bearer(jwt).send().status()).isEqualTo(200);
    }

    /** Each row: a way to obtain a bad Authorization header value (null for no header at all). */
    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("missing header", (BadToken) ctx -> null),
                Arguments.of("garbage", (BadToken) ctx -> "Bearer not-a-jwt"),
                Arguments.of("basic scheme", (BadToken) ctx -> "Basic dXNlcjpwYXNz"),
                Arguments.of("alg none", (BadToken) ctx -> "Bearer " + withAlgNone(ctx.validJwt())),
                Arguments.of("forged payload", (BadToken) ctx -> "Bearer " + withForgedSubject(ctx.validJwt())),
                Arguments.of("HS256 signed with the public key", (BadToken) ctx -> "Bearer " + hs256(ctx)),
                Arguments.of("expired", (BadToken) ctx -> "Bearer " + ctx.expiredJwt()),
                Arguments.of("another realm's token", (BadToken) ctx -> "Bearer " + ctx.masterRealmJwt()),
                Arguments.of("refresh token", (BadToken) ctx -> "Bearer " + ctx.loginData().path("refresh_token").asText()),
                Arguments.of("ID token", (BadToken) ctx -> "Bearer " + ctx.idToken()),
                Arguments.of("another client's token", (BadToken) ctx -> "Bearer " + ctx.otherClientJwt()),
                Arguments.of("after logout", (BadToken) ctx -> "Bearer " + ctx.loggedOutJwt()),
                Arguments.of("user disabled", (BadToken) ctx -> "Bearer " + ctx.disabledUserJwt()),
                Arguments.of("user deleted", (BadToken) ctx -> "Bearer " + ctx.deletedUserJwt()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void everyBadTokenAnswers401WithBearerChallengeAndJson(String name, BadToken badToken, TestStack stack) {
        String authorization = badToken.authorization(new TokenFactory(stack));

        Api.Response response = stack.api().request("GET", "/").header("Authorization", authorization).send();

        assertThat(response.status()).as(name).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().path("message").asText()).isEqualTo("Missing, invalid or expired access token.");
    }

    interface BadToken {
        String authorization(TokenFactory tokens);
    }

    /** Makes real tokens of every kind, each from a fresh customer so cases never affect each other. */
    static final class TokenFactory {
        private final TestStack stack;

        TokenFactory(TestStack stack) {
            this.stack = stack;
        }

        JsonNode loginData() {
            Customer customer = stack.customers().create();
            return stack.api().login(customer.email(), customer.password()).json().path("data");
        }

        String validJwt() {
            return loginData().path("jwt").asText();
        }

        String idToken() {
            Customer customer = stack.customers().create();
            return stack.oidc().passwordGrant("customer-app", customer.email(), customer.password(), Api.CLIENT_VERSION)
                    .json().path("id_token").asText();
        }

        String otherClientJwt() {
            Customer customer = stack.customers().create();
            Api.Response response = stack.oidc().passwordGrant("admin-cli", customer.email(), customer.password(),
                    Api.CLIENT_VERSION);
            assertThat(response.status()).as("admin-cli password grant: %s", response).isEqualTo(200);
            return response.json().path("access_token").asText();
        }

        String masterRealmJwt() {
            return stack.admin().tokenManager().getAccessTokenString();
        }

        String loggedOutJwt() {
            Customer customer = stack.customers().create();
            String jwt = stack.api().accessToken(customer.email(), customer.password());
            stack.realm().users().get(customer.id()).logout();
            return jwt;
        }

        String disabledUserJwt() {
            Customer customer = stack.customers().create();
            String jwt = stack.api().accessToken(customer.email(), customer.password());
            stack.customers().disable(customer);
            return jwt;
        }

        String deletedUserJwt() {
            Customer customer = stack.customers().create();
            String jwt = stack.api().accessToken(customer.email(), customer.password());
            stack.customers().delete(customer);
            return jwt;
        }

        /** A token of a client whose access tokens live one second, used after it has expired. */
        String expiredJwt() {
            ClientResource client = stack.realm().clients().get(
                    stack.realm().clients().findByClientId("customer-app").get(0).getId());
            ClientRepresentation representation = client.toRepresentation();
            Map<String, String> original = new HashMap<>(representation.getAttributes());
            try {
                representation.getAttributes().put("access.token.lifespan", "1");
                client.update(representation);
                String jwt = validJwt();
                Thread.sleep(2500);
                return jwt;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                // An update never removes an attribute missing from the map; empty means "the realm's lifespan".
                original.putIfAbsent("access.token.lifespan", "");
                representation.setAttributes(original);
                client.update(representation);
            }
        }

        String realmPublicKeyPem() {
            return stack.realm().keys().getKeyMetadata().getKeys().stream()
                    .filter(k -> "RS256".equals(k.getAlgorithm()) && k.getPublicKey() != null)
                    .findFirst().orElseThrow().getPublicKey();
        }
    }

    private static String withAlgNone(String jwt) {
        String[] parts = jwt.split("\\.");
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
    }

    private static String withForgedSubject(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"00000000-0000-0000-0000-000000000000\"");
        return parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The classic key-confusion attack: an HS256 token whose HMAC key is the realm's public RSA key. */
    private static String hs256(TokenFactory tokens) {
        String valid = tokens.validJwt();
        String kid = Oidc.header(valid).path("kid").asText();
        String header = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + valid.split("\\.")[1];
        Function<byte[], String> sign = key -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return signingInput + "." + sign.apply(tokens.realmPublicKeyPem().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aDatabaseFailureWhileCheckingATokenIsA500WithTheRequestIdNotA401(Api api, Customers customers,
                                                                          Database database, RealmResource realm,
                                                                          ServerLog log) throws Exception {
        Customer customer = customers.create();
        String jwt = api.accessToken(customer.email(), customer.password());
        realm.clearUserCache();

        Api.Response response;
        database.execute("ALTER TABLE user_entity RENAME TO user_entity_taken_away");
        try {
            response = api.request("GET", "/").bearer(jwt).header("X-Request-ID", "db-outage-" + customer.id()).send();
        } finally {
            database.execute("ALTER TABLE user_entity_taken_away RENAME TO user_entity");
        }

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("WWW-Authenticate")).isNull();
        assertThat(response.json().path("message").asText()).isEqualTo("Internal server error.");
        assertThat(response.json().path("request_id").asText()).isEqualTo("db-outage-" + customer.id());
        awaitLogLine(log, "[db-outage-" + customer.id() + "]", "[ERROR]");
        assertThat(api.currentUser(jwt).status()).as("the same token once the database is back").isEqualTo(200);
    }

    private static void awaitLogLine(ServerLog log, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (log.lines().stream().anyMatch(line -> Stream.of(parts).allMatch(line::contains))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line with " + String.join(" and ", parts) + " in " + log.file());
    }
}
