package io.customerauth.it.importer;

import static io.customerauth.it.harness.BulkEndpoint.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AdminEventRepresentation;

import com.fasterxml.jackson.databind.JsonNode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.BulkEndpoint;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Database;

/** The pack's bulk endpoint, {@code /admin/realms/customers/customer-import/users}, called directly. */
@CustomerAuthIT
class BulkEndpointIT {

    private static final String BCRYPT_DATA = "{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}";
    private static final String BCRYPT_SECRET = "{\"value\":\"$2b$10$Jq0sT2lYqPz4aW6bXc8dE.44GEwh65xeI9293746CEtRtqHJ59fzy\"}";
    /** A stored bcrypt hash of {@code Bcrypt-Secret-1}, as an export carries it. */
    private static final Map<String, Object> BCRYPT = Map.of("type", "password", "credentialData", BCRYPT_DATA,
            "secretData", BCRYPT_SECRET);

    private final Api api;
    private final Keycloak admin;
    private final Database database;

    BulkEndpointIT(Api api, Keycloak admin, Database database) {
        this.api = api;
        this.admin = admin;
        this.database = database;
    }

    @Test
    void answersOneResultPerUserInOrder() {
        String email = unique();

        JsonNode results = post(List.of(customer(email, UUID.randomUUID().toString(), "FR", "fr"),
                customer(email, UUID.randomUUID().toString(), "FR", "fr")));

        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("status").asText()).isEqualTo("CREATED");
        assertThat(results.get(1).toString()).contains("REJECTED", "email: twice in this batch");
        assertThat(database.single("select count(*) from user_entity where email = ?", email)).isEqualTo(1L);
    }

    @Test
    void rejectsWhatTheRealmsUserProfileRejects() {
        JsonNode results = post(List.of(customer(unique(), UUID.randomUUID().toString(), "XX", "fr"),
                customer(unique(), "not-a-uuid", "FR", "fr"),
                customer(unique(), UUID.randomUUID().toString(), "FR", "zz")));

        assertThat(results.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(0).path("reason").asText()).startsWith("country: ");
        assertThat(results.get(1).path("reason").asText()).startsWith("customer_id: ");
        assertThat(results.get(2).path("reason").asText()).startsWith("language: ");
    }

    @Test
    void matchesACustomerByCustomerIdAndRefusesAnEmailAnotherUserHolds(Customers customers) {
        Customers.Customer existing = customers.create();
        Customers.Customer other = customers.create();
        String email = unique();

        JsonNode results = post(List.of(customer(email, existing.customerId(), "FR", "en"),
                customer(other.email(), UUID.randomUUID().toString(), "FR", "fr")));

        assertThat(results.get(0).path("status").asText()).isEqualTo("UPDATED");
        assertThat(results.get(0).path("changes").toString()).isEqualTo("[\"email\"]");
        assertThat(results.get(1).toString()).contains("REJECTED",
                "email: already the email or username of another user of the realm");
        assertThat(database.single("select count(*) from user_entity where email = ?", email)).isEqualTo(1L);
        assertThat(database.single("select username from user_entity where email = ?", email)).isEqualTo(email);
    }

    @Test
    void importsOnlyStoredHashesOfKnownAlgorithms() {
        Map<String, Object> plain = customer(unique(), UUID.randomUUID().toString(), "FR", "fr",
                Map.of("type", "password", "value", "Plain-Password-1"));
        Map<String, Object> unknown = customer(unique(), UUID.randomUUID().toString(), "FR", "fr",
                Map.of("type", "password", "credentialData", BCRYPT_DATA.replace("bcrypt", "md5"),
                        "secretData", BCRYPT_SECRET));
        Map<String, Object> bcrypt = customer(unique(), UUID.randomUUID().toString(), "FR", "fr", BCRYPT);

        JsonNode results = post(List.of(plain, unknown, bcrypt));

        assertThat(results.get(0).toString()).contains("REJECTED", "plain passwords are not imported")
                .doesNotContain("Plain-Password-1");
        assertThat(results.get(1).toString()).contains("REJECTED", "no password hash provider 'md5'");
        assertThat(results.get(2).path("status").asText()).isEqualTo("CREATED");
        assertThat(api.login((String) bcrypt.get("email"), "Bcrypt-Secret-1").status()).isEqualTo(200);
    }

    @Test
    void rejectsAStoredHashOverTheCostLimitsAndWritesTheRestOfTheBatch() {
        Map<String, Object> bcrypt31 = customer(unique(), UUID.randomUUID().toString(), "FR", "fr",
                Map.of("type", "password", "credentialData", BCRYPT_DATA, "secretData", BCRYPT_SECRET.replace("$10$",
                        "$31$")));
        Map<String, Object> scryptP = customer(unique(), UUID.randomUUID().toString(), "FR", "fr",
                Map.of("type", "password", "credentialData", "{\"hashIterations\":32768,\"algorithm\":"
                        + "\"werkzeug-scrypt\",\"additionalParameters\":{\"blockSize\":[\"8\"],"
                        + "\"parallelism\":[\"262143\"]}}",
                        "secretData", "{\"value\":\"" + "ab".repeat(64) + "\",\"salt\":\"c2FsdA==\"}"));
        Map<String, Object> argon2Gib = customer(unique(), UUID.randomUUID().toString(), "FR", "fr",
                Map.of("type", "password", "credentialData", "{\"hashIterations\":9999,\"algorithm\":\"argon2\","
                        + "\"additionalParameters\":{\"hashLength\":[\"32\"],\"memory\":[\"1048576\"],"
                        + "\"type\":[\"id\"],\"version\":[\"1.3\"],\"parallelism\":[\"1\"]}}",
                        "secretData", "{\"value\":\"" + "A".repeat(43) + "=\",\"salt\":\"c2FsdHNhbHQ=\"}"));
        Map<String, Object> bcrypt10 = customer(unique(), UUID.randomUUID().toString(), "FR", "fr", BCRYPT);

        JsonNode results = post(List.of(bcrypt31, scryptP, argon2Gib, bcrypt10));

        assertThat(results.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(0).path("reason").asText())
                .isEqualTo("credentials: password hash over the cost limits: bcrypt cost 31 is outside 4..16");
        assertThat(results.get(1).path("reason").asText()).startsWith(
                "credentials: password hash over the cost limits: scrypt 128*N*r*p (N 32768, r 8, p 262143)");
        assertThat(results.get(2).path("reason").asText()).isEqualTo(
                "credentials: password hash over the cost limits: argon2 memory 1048576 KiB is outside 1..262144");
        assertThat(results.get(3).path("status").asText()).isEqualTo("CREATED");
        for (Map<String, Object> rejected : List.of(bcrypt31, scryptP, argon2Gib)) {
            assertThat(database.single("select count(*) from user_entity where email = ?", rejected.get("email")))
                    .isEqualTo(0L);
        }
        assertThat(api.login((String) bcrypt10.get("email"), "Bcrypt-Secret-1").status()).isEqualTo(200);
    }

    @Test
    void rejectsAnEmailOrUsernameTheRealmsUserProfileRejectsWithTheValidatorsReason() {
        String tooLong = "a".repeat(60) + "@" + ("b".repeat(60) + ".").repeat(4) + "example";
        String homograph = "p\u0430ypal-" + UUID.randomUUID() + "@example.com";

        JsonNode results = post(List.of(customer("not-an-email", UUID.randomUUID().toString(), "FR", "fr"),
                customer(tooLong, UUID.randomUUID().toString(), "FR", "fr"),
                customer(homograph, UUID.randomUUID().toString(), "FR", "fr")));

        assertThat(results.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(0).path("reason").asText()).isEqualTo("email: error-invalid-email");
        assertThat(results.get(1).path("reason").asText()).contains("username: error-invalid-length",
                "email: error-invalid-length");
        assertThat(results.get(2).path("reason").asText()).contains("username: error-username-invalid-character",
                "email: error-non-ascii-local-part-email");
        assertThat(database.single("select count(*) from user_entity where email in (?, ?, ?)", "not-an-email",
                tooLong, homograph)).isEqualTo(0L);
    }

    @Test
    void namesTheUsersItCreatedInTheAdminEvent(RealmResource realm) {
        String first = unique();
        String second = unique();

        post(List.of(customer(first, UUID.randomUUID().toString(), "FR", "fr"),
                customer(unique(), "not-a-uuid", "FR", "fr"),
                customer(second, UUID.randomUUID().toString(), "FR", "fr")));

        String firstId = realm.users().searchByEmail(first, true).get(0).getId();
        String secondId = realm.users().searchByEmail(second, true).get(0).getId();
        AdminEventRepresentation event = realm.getAdminEvents(List.of("ACTION"), null, null, null, null, null,
                        null, null, 0, 100).stream()
                .filter(e -> e.getDetails() != null && e.getDetails().getOrDefault("created_user_ids", "")
                        .contains(firstId))
                .findFirst().orElseThrow(() -> new AssertionError("no admin event names " + firstId));
        assertThat(event.getResourceType()).isEqualTo("USER");
        assertThat(event.getDetails()).containsEntry("created_user_ids", firstId + "," + secondId)
                .containsEntry("created", "2").containsEntry("rejected", "1").containsEntry("received", "3");
        assertThat(event.getDetails()).as("the batch is written below the user model (the fast path): if not, a"
                + " Keycloak upgrade moved JpaConnectionProvider, which KeycloakJpa reaches by name")
                .containsEntry("store", "sql");
    }

    @Test
    void refusesACallerWithoutManageUsersBeforeReadingTheBody(Customers customers) {
        Customers.Customer customer = customers.create();
        String customerToken = api.accessToken(customer.email(), customer.password());
        String email = unique();

        Api.Response notJson = api.request("POST", "").at(api.url(BulkEndpoint.PATH)).bearer(customerToken)
                .body("application/json", "{\"users\": [ this is not JSON").send();
        Api.Response valid = send(customerToken, List.of(customer(email, UUID.randomUUID().toString(), "FR", "fr")));

        assertThat(notJson.status()).as("a body that cannot be parsed, from a caller without manage-users")
                .isEqualTo(403);
        assertThat(valid.status()).isEqualTo(403);
        assertThat(database.single("select count(*) from user_entity where email = ?", email)).isEqualTo(0L);
        assertThat(send("not-a-token", List.of()).status()).isEqualTo(401);
    }

    @Test
    void batchesRacingForOneEmailCreateOneCustomerAndTheOthersAreRejectedOrAskedToRetryNeverAServerError()
            throws Exception {
        String email = unique();
        String token = admin.tokenManager().getAccessTokenString();
        List<java.util.concurrent.Callable<Api.Response>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(() -> send(token, List.of(customer(email, UUID.randomUUID().toString(), "FR", "fr"))));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<Api.Response> answers = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<Api.Response> answer : pool.invokeAll(writers)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Api.Response::status).as(answers.toString()).allMatch(s -> s == 200 || s == 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 200)
                .extracting(answer -> answer.json().path("results").get(0).path("status").asText())
                .containsOnly("CREATED", "REJECTED").containsOnlyOnce("CREATED");
        assertThat(database.single("select count(*) from user_entity where email = ?", email)).isEqualTo(1L);
    }

    /**
     * A customer's rows get ids that grow with time, so that a big import appends to the ends of Keycloak's indexes on
     * them instead of touching a random page of each per row (TimeOrderedIds): on PostgreSQL's default shared buffers
     * the benchmark's million-customer import slowed by a quarter as random ids spread its inserts over the tables.
     */
    @Test
    void givesTheRowsOfALaterBatchIdsThatSortAfterAnEarlierBatchs() throws InterruptedException {
        List<Map<String, Object>> earlier = bcryptCustomers(3);
        List<Map<String, Object>> later = bcryptCustomers(3);

        assertThat(post(earlier).toString()).doesNotContain("REJECTED");
        Thread.sleep(5);
        assertThat(post(later).toString()).doesNotContain("REJECTED");

        Map<String, List<String>> earlierIds = rowIds(earlier);
        Map<String, List<String>> laterIds = rowIds(later);
        for (String table : List.of("user_entity", "user_attribute", "credential")) {
            assertThat(earlierIds.get(table)).as(table).hasSizeGreaterThanOrEqualTo(3).allSatisfy(id ->
                    assertThat(UUID.fromString(id).version()).as("version of %s", id).isEqualTo(7));
            String lastOfEarlier = earlierIds.get(table).stream().max(String::compareTo).orElseThrow();
            assertThat(laterIds.get(table)).as("ids of %s's later rows, after %s", table, lastOfEarlier)
                    .allSatisfy(id -> assertThat(id).isGreaterThan(lastOfEarlier));
        }
        assertThat(api.login((String) later.get(2).get("email"), "Bcrypt-Secret-1").status()).isEqualTo(200);
    }

    private List<Map<String, Object>> bcryptCustomers(int count) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(customer(unique(), UUID.randomUUID().toString(), "FR", "fr", BCRYPT));
        }
        return users;
    }

    /** The ids of the customers' rows, by table. */
    private Map<String, List<String>> rowIds(List<Map<String, Object>> users) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Map<String, Object> user : users) {
            String userId = (String) database.single("select id from user_entity where email = ?", user.get("email"));
            ids.computeIfAbsent("user_entity", table -> new ArrayList<>()).add(userId);
            for (String table : List.of("user_attribute", "credential")) {
                for (Map<String, Object> row : database.query("select id from " + table + " where user_id = ?",
                        userId)) {
                    ids.computeIfAbsent(table, t -> new ArrayList<>()).add((String) row.get("id"));
                }
            }
        }
        return ids;
    }

    @Test
    void refusesMoreThanAThousandUsersAtOnce() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            users.add(customer(unique(), UUID.randomUUID().toString(), "FR", "fr"));
        }

        Api.Response response = send(admin.tokenManager().getAccessTokenString(), users);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("At most 1000 users per request");
    }

    private JsonNode post(List<Map<String, Object>> users) {
        Api.Response response = send(admin.tokenManager().getAccessTokenString(), users);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("results");
    }

    private Api.Response send(String token, List<Map<String, Object>> users) {
        return BulkEndpoint.post(api, token, users);
    }

    private static String unique() {
        return "bulk-" + UUID.randomUUID() + "@example.com";
    }
}
