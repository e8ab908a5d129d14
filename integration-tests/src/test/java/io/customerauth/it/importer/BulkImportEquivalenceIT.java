package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.BulkEndpoint;
import io.customerauth.it.harness.Database;
import io.customerauth.it.harness.KeycloakCluster;
import io.customerauth.it.harness.KeycloakCluster.Node;

/**
 * The bulk endpoint writes new customers below Keycloak's user model (multi-row inserts into Keycloak's tables, see
 * {@code SqlCustomerStore}). This test holds it to what Keycloak itself does: the same customer created through the
 * admin API and imported in bulk, on a two-node cluster, must leave the same rows in every table that holds a user's
 * data (found from the database's own catalogue: every table with a {@code user_id} column or a foreign key to
 * {@code user_entity}, column by column), look the same through the admin API on both nodes (the user as the console
 * shows it, its credentials, role mappings, groups, required actions, identities, consents), log in on both nodes,
 * and be seen by both nodes' caches after a re-run changes it. A Keycloak upgrade that adds a column, a table or a row
 * to a user's data fails here, not in production.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkImportEquivalenceIT {

    private static final String BCRYPT_DATA = "{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}";
    private static final String BCRYPT_SECRET =
            "{\"value\":\"$2b$10$Jq0sT2lYqPz4aW6bXc8dE.44GEwh65xeI9293746CEtRtqHJ59fzy\",\"additionalParameters\":{}}";
    private static final String PASSWORD = "Bcrypt-Secret-1";
    /** Columns whose values are generated per row (ids) or per moment (times): compared as present, not equal. */
    private static final Set<String> GENERATED = Set.of("id", "created_timestamp", "last_modified_timestamp",
            "created_date");
    private static final Duration INVALIDATION = Duration.ofSeconds(30);

    private static KeycloakCluster cluster;
    private static Node a;
    private static Node b;
    private static Database database;

    /** The customer written through the admin API ({@code api}) and its twin imported in bulk ({@code bulk}). */
    private record Twin(String userId, String email, String customerId) {
    }

    private static Twin api;
    private static Twin bulk;

    @BeforeAll
    static void startCluster() {
        cluster = KeycloakCluster.start();
        a = cluster.a();
        b = cluster.b();
        database = cluster.database();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theSameCustomerLeavesTheSameRowsInEveryTableOfAUsersData() {
        String apiEmail = unique("api");
        String bulkEmail = unique("bulk");
        assertThat(b.realm().users().searchByEmail(bulkEmail, true)).as("node B asks before the import").isEmpty();
        String apiCustomerId = UUID.randomUUID().toString();
        api = new Twin(createThroughTheAdminApi(apiEmail, apiCustomerId), apiEmail, apiCustomerId);
        String bulkCustomerId = UUID.randomUUID().toString();
        JsonNode answer = importInBulk(a, bulkEmail, bulkCustomerId, "FR", "fr");
        assertThat(answer.path("store").asText()).as("the batch went below the user model").isEqualTo("sql");
        assertThat(answer.path("results").get(0).path("status").asText()).isEqualTo("CREATED");
        bulk = new Twin(b.realm().users().searchByEmail(bulkEmail, true).get(0).getId(), bulkEmail, bulkCustomerId);

        Map<String, List<Map<String, Object>>> apiRows = rowsOf(api);
        Map<String, List<Map<String, Object>>> bulkRows = rowsOf(bulk);

        assertThat(apiRows.keySet()).as("tables holding the customer's data")
                .contains("user_entity", "user_attribute", "credential", "user_role_mapping");
        assertThat(bulkRows.keySet()).isEqualTo(apiRows.keySet());
        for (String table : apiRows.keySet()) {
            assertThat(bulkRows.get(table)).as("rows of %s", table).isEqualTo(apiRows.get(table));
        }
    }

    @Test
    @Order(2)
    void bothNodesShowTheSameCustomerThroughTheAdminApi() {
        for (Node node : List.of(a, b)) {
            for (String view : List.of("?userProfileMetadata=true", "/credentials", "/role-mappings", "/groups",
                    "/consents", "/federated-identity", "/configured-user-storage-credential-types")) {
                assertThat(adminView(node, bulk, view)).as("%s%s on %s", "users/{id}", view, node)
                        .isEqualTo(adminView(node, api, view));
            }
        }
    }

    @Test
    @Order(3)
    void theBatchsAdminEventNamesTheCustomerItCreated() {
        List<AdminEventRepresentation> events = b.realm().getAdminEvents(null, null, null, null, null, null, null,
                null, 0, 1000);

        AdminEventRepresentation created = events.stream()
                .filter(e -> ("users/" + api.userId()).equals(e.getResourcePath())).findFirst().orElseThrow();
        AdminEventRepresentation imported = events.stream()
                .filter(e -> e.getDetails() != null && bulk.userId().equals(e.getDetails().get("created_user_ids")))
                .findFirst().orElseThrow(() -> new AssertionError("no admin event names " + bulk.userId()));
        assertThat(created.getOperationType()).isEqualTo("CREATE");
        assertThat(imported.getOperationType()).isEqualTo("ACTION");
        assertThat(imported.getResourceType()).isEqualTo(created.getResourceType()).isEqualTo("USER");
        assertThat(imported.getAuthDetails().getUserId()).isEqualTo(created.getAuthDetails().getUserId());
        assertThat(imported.getDetails()).containsEntry("created", "1").containsEntry("store", "sql");
        assertThat(imported.getRepresentation()).as("no representation, so no hash, in an event").isNull();
    }

    @Test
    @Order(4)
    void aChangeInBulkReachesTheOtherNodesCacheAsAnAdminApiChangeDoes() {
        for (Twin twin : List.of(api, bulk)) {
            for (Node node : List.of(a, b)) {
                assertThat(node.realm().users().get(twin.userId()).toRepresentation().getEmail()).isEqualTo(twin.email());
                assertThat(node.realm().users().searchByEmail(twin.email(), true)).hasSize(1);
            }
        }
        String apiMoved = "moved-" + api.email();
        UserRepresentation update = a.realm().users().get(api.userId()).toRepresentation();
        update.setEmail(apiMoved);
        update.setUsername(apiMoved);
        update.getAttributes().put("country", List.of("BE"));
        a.realm().users().get(api.userId()).update(update);
        String bulkMoved = "moved-" + bulk.email();
        JsonNode answer = importInBulk(a, bulkMoved, bulk.customerId(), "BE", "fr");
        assertThat(answer.path("results").get(0).path("changes").toString()).isEqualTo("[\"email\",\"country\"]");

        for (Twin twin : List.of(new Twin(api.userId(), apiMoved, api.customerId()),
                new Twin(bulk.userId(), bulkMoved, bulk.customerId()))) {
            String old = twin.email().substring("moved-".length());
            assertThat(await(() -> b.realm().users().get(twin.userId()).toRepresentation().getEmail(), twin.email()))
                    .as("the email of %s on node B", twin.userId()).isEqualTo(twin.email());
            assertThat(b.realm().users().get(twin.userId()).toRepresentation().firstAttribute("country"))
                    .isEqualTo("BE");
            assertThat(b.realm().users().searchByEmail(old, true)).as("the old email on node B").isEmpty();
            assertThat(b.realm().users().searchByEmail(twin.email(), true)).hasSize(1);
        }
    }

    @Test
    @Order(5)
    void bothCustomersLogInOnBothNodesWithTheirImportedPassword() {
        for (Node node : List.of(b, a)) {
            for (Twin twin : List.of(api, bulk)) {
                String email = b.realm().users().get(twin.userId()).toRepresentation().getEmail();
                Api.Response login = node.api().login(email, PASSWORD);
                assertThat(login.status()).as("login of %s on %s: %s", email, node, login).isEqualTo(200);
            }
        }
    }

    private static String createThroughTheAdminApi(String email, String customerId) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName("Ana");
        user.setLastName("Lima");
        user.setAttributes(Map.of("customer_id", List.of(customerId), "country", List.of("FR"),
                "language", List.of("fr")));
        CredentialRepresentation stored = new CredentialRepresentation();
        stored.setType(CredentialRepresentation.PASSWORD);
        stored.setCredentialData(BCRYPT_DATA);
        stored.setSecretData(BCRYPT_SECRET);
        user.setCredentials(List.of(stored));
        try (Response response = a.realm().users().create(user)) {
            assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static JsonNode importInBulk(Node node, String email, String customerId, String country,
                                         String language) {
        Map<String, Object> user = BulkEndpoint.customer(email, customerId, country, language,
                Map.of("type", "password", "credentialData", BCRYPT_DATA, "secretData", BCRYPT_SECRET));
        user.put("firstName", "Ana");
        user.put("lastName", "Lima");
        Api.Response response = BulkEndpoint.post(node.api(), node.adminToken(), List.of(user));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /**
     * Every row of the customer's data, table by table, with what differs by nature between two customers replaced
     * by a placeholder: the user id, the email and customer_id, generated row ids and times (checked present), and the
     * password credential's label (the import's marker, checked).
     */
    private static Map<String, List<Map<String, Object>>> rowsOf(Twin twin) {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        for (Map<String, Object> reference : database.query("SELECT DISTINCT c.table_name, c.column_name FROM"
                + " information_schema.columns c WHERE c.table_schema = current_schema() AND (c.column_name = 'user_id'"
                + " OR (c.table_name, c.column_name) IN (SELECT k.table_name, k.column_name FROM"
                + " information_schema.key_column_usage k JOIN information_schema.referential_constraints r"
                + " ON r.constraint_name = k.constraint_name JOIN information_schema.constraint_column_usage u"
                + " ON u.constraint_name = r.unique_constraint_name WHERE u.table_name = 'user_entity'))")) {
            String table = (String) reference.get("table_name");
            String column = (String) reference.get("column_name");
            List<Map<String, Object>> rows = normalized(twin, table,
                    database.query("SELECT * FROM " + table + " WHERE " + column + " = ?", twin.userId()));
            if (!rows.isEmpty()) {
                tables.computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows);
            }
        }
        tables.put("user_entity", normalized(twin, "user_entity",
                database.query("SELECT * FROM user_entity WHERE id = ?", twin.userId())));
        tables.values().forEach(rows -> rows.sort(Comparator.comparing(Object::toString)));
        return tables;
    }

    private static List<Map<String, Object>> normalized(Twin twin, String table, List<Map<String, Object>> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new TreeMap<>();
            for (Map.Entry<String, Object> column : row.entrySet()) {
                Object value = column.getValue();
                String name = column.getKey();
                if (GENERATED.contains(name)) {
                    assertThat(value).as("%s.%s of %s", table, name, twin.email()).isNotNull();
                    value = "<generated>";
                } else if (table.equals("credential") && name.equals("user_label")) {
                    value = value == null || String.valueOf(value).matches("customer-import:[0-9a-f]{16}")
                            ? "<null, or the import's marker>" : value;
                } else if (twin.userId().equals(value)) {
                    value = "<user id>";
                } else if (twin.email().equals(value)) {
                    value = "<email>";
                } else if (twin.customerId().equals(value)) {
                    value = "<customer_id>";
                }
                copy.put(name, value);
            }
            result.add(copy);
        }
        return result;
    }

    /** What the console reads of a user, with the fields that differ by nature between two customers taken out. */
    private static String adminView(Node node, Twin twin, String view) {
        Api.Response response = node.api().request("GET", "")
                .at(node.api().url("/admin/realms/customers/users/" + twin.userId() + view))
                .bearer(node.adminToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json().deepCopy();
        String text = strip(json).toString();
        for (String[] replacement : List.of(new String[] {twin.userId(), "<user id>"},
                new String[] {twin.email(), "<email>"}, new String[] {twin.customerId(), "<customer_id>"})) {
            text = text.replace(replacement[0], replacement[1]);
        }
        return text.replaceAll("\"userLabel\":\"customer-import:[0-9a-f]{16}\",?", "");
    }

    private static JsonNode strip(JsonNode json) {
        if (json.isObject()) {
            ObjectNode object = (ObjectNode) json;
            for (String field : List.of("createdTimestamp", "createdDate", "id")) {
                if (object.has(field) && !object.get(field).isContainerNode()) {
                    object.put(field, "<generated>");
                }
            }
            object.elements().forEachRemaining(BulkImportEquivalenceIT::strip);
        } else if (json.isArray()) {
            json.elements().forEachRemaining(BulkImportEquivalenceIT::strip);
        }
        return json;
    }

    private static <T> T await(Supplier<T> read, T expected) {
        Instant deadline = Instant.now().plus(INVALIDATION);
        T value = read.get();
        while (!expected.equals(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = read.get();
        }
        return value;
    }

    private static String unique(String side) {
        return "equivalence-" + side + "-" + UUID.randomUUID() + "@example.com";
    }
}
