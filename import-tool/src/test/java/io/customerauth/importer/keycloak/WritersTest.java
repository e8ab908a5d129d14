package io.customerauth.importer.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.customerauth.importer.hash.PasswordHashes;
import io.customerauth.importer.input.CustomerRecord;

class WritersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PARTIAL_IMPORT = "/admin/realms/customers/partialImport";
    private static final String BULK = "/admin/realms/customers/customer-import/users";

    private FakeKeycloak keycloak;
    private AdminClient client;

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
        client = AdminClient.connect(keycloak.settings("secret"), AdminClientTest.fastBackoff());
        keycloak.queue("/admin/realms/customers", 200, "{\"realm\":\"customers\"}");
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    @Test
    void choosesTheBulkEndpointWhenTheServerHasIt() throws Exception {
        keycloak.queue("/admin/realms/customers/customer-import", 200, "{\"maxBatchSize\":1000}");

        assertThat(Writers.choose(Writers.Choice.AUTO, client)).isInstanceOf(BulkImportWriter.class);
    }

    @Test
    void fallsBackToPartialImportWithoutTheBulkEndpoint() throws Exception {
        BatchWriter writer = Writers.choose(Writers.Choice.AUTO, client);

        assertThat(writer).isInstanceOf(PartialImportWriter.class);
        assertThat(writer.maxBatchSize()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void takesTheBulkEndpointsAdvertisedMaximumBatchSize() throws Exception {
        keycloak.queue("/admin/realms/customers/customer-import", 200, "{\"maxBatchSize\":250,\"version\":1}");
        keycloak.queue("/admin/realms/customers", 200, "{\"realm\":\"customers\"}");
        keycloak.queue("/admin/realms/customers/customer-import", 200, "{\"version\":1}");

        assertThat(Writers.choose(Writers.Choice.BULK, client).maxBatchSize()).isEqualTo(250);
        assertThat(Writers.choose(Writers.Choice.AUTO, client).maxBatchSize()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void saysWhenTheRealmDoesNotExist() {
        keycloak.queue("/admin/realms/shop", 404, "{\"error\":\"Realm not found.\"}");
        ServerSettings shop = new ServerSettings(keycloak.url(), "shop", "master", "admin", "secret", 0,
                java.time.Duration.ofSeconds(5));

        assertThatThrownBy(() -> Writers.choose(Writers.Choice.AUTO, AdminClient.connect(shop)))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("Realm shop not found")
                .satisfies(e -> assertThat(((ServerException) e).kind()).isEqualTo(ServerException.Kind.NOT_FOUND));
    }

    @Test
    void sendsUsersAsKeycloakRepresentationsWithTheImportedCredential() throws Exception {
        keycloak.queue(PARTIAL_IMPORT, 200, "{\"results\":[]}");
        CustomerRecord alice = new CustomerRecord(0, "alice@example.com", "8b4a1343-292d-45ed-ba5f-846fa9167ede",
                "FR", "fr", "Alice", null,
                PasswordHashes.toCredential("$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi"));

        new PartialImportWriter(client).write(List.of(alice));

        JsonNode body = MAPPER.readTree(last(PARTIAL_IMPORT).body());
        assertThat(body.get("ifResourceExists").asText()).isEqualTo("SKIP");
        JsonNode user = body.get("users").get(0);
        assertThat(user.get("username").asText()).isEqualTo("alice@example.com");
        assertThat(user.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(user.get("emailVerified").asBoolean()).isTrue();
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("firstName").asText()).isEqualTo("Alice");
        assertThat(user.has("lastName")).isFalse();
        assertThat(user.get("attributes").toString())
                .isEqualTo("{\"customer_id\":[\"8b4a1343-292d-45ed-ba5f-846fa9167ede\"],\"country\":[\"FR\"],\"language\":[\"fr\"]}");
        JsonNode credential = user.get("credentials").get(0);
        assertThat(credential.get("type").asText()).isEqualTo("password");
        assertThat(MAPPER.readTree(credential.get("credentialData").asText()).get("algorithm").asText()).isEqualTo("bcrypt");
        assertThat(MAPPER.readTree(credential.get("secretData").asText()).get("value").asText()).startsWith("$2b$10$");
    }

    @Test
    void readsPartialImportResultsByUsername() throws Exception {
        keycloak.queue(PARTIAL_IMPORT, 200, "{\"added\":1,\"skipped\":1,\"results\":["
                + "{\"action\":\"SKIPPED\",\"resourceType\":\"USER\",\"resourceName\":\"bob@example.com\",\"id\":\"2\"},"
                + "{\"action\":\"ADDED\",\"resourceType\":\"USER\",\"resourceName\":\"alice@example.com\",\"id\":\"1\"}]}");

        List<Outcome> outcomes = new PartialImportWriter(client).write(List.of(customer(3, "alice@example.com"),
                customer(4, "bob@example.com"), customer(5, "carol@example.com")));

        assertThat(outcomes).extracting(Outcome::index, Outcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, Outcome.Status.CREATED),
                org.assertj.core.groups.Tuple.tuple(4L, Outcome.Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple(5L, Outcome.Status.FAILED));
    }

    @Test
    void readsBulkResultsInOrder() throws Exception {
        keycloak.queue(BULK, 200, "{\"results\":[{\"status\":\"CREATED\"},"
                + "{\"status\":\"SKIPPED\",\"reason\":\"customer_id already in the realm\"},"
                + "{\"status\":\"REJECTED\",\"reason\":\"country: not allowed\"}]}");

        List<Outcome> outcomes = new BulkImportWriter(client).write(List.of(customer(0, "a@example.com"),
                customer(1, "b@example.com"), customer(2, "c@example.com")));

        assertThat(outcomes).containsExactly(Outcome.created(0),
                new Outcome(1, Outcome.Status.SKIPPED, "customer_id already in the realm"),
                new Outcome(2, Outcome.Status.REJECTED, "server: country: not allowed"));
    }

    @Test
    void reportsAWholeBatchRefusal() {
        keycloak.queue(PARTIAL_IMPORT, 400, "{\"errorMessage\":\"invalid user\"}");

        assertThatThrownBy(() -> new PartialImportWriter(client).write(List.of(customer(0, "a@example.com"))))
                .isInstanceOf(BatchRefusedException.class)
                .hasMessage("invalid user")
                .satisfies(e -> assertThat(((BatchRefusedException) e).status()).isEqualTo(400));
    }

    private FakeKeycloak.Request last(String path) {
        return keycloak.requests.stream().filter(r -> r.path().equals(path)).reduce((a, b) -> b).orElseThrow();
    }

    private static CustomerRecord customer(long index, String email) {
        return new CustomerRecord(index, email, "00000000-0000-4000-8000-00000000000" + index, "FR", "fr", null, null,
                null);
    }
}
