package io.customerauth.importer.keycloak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.customerauth.importer.input.CustomerRecord;

/**
 * The pack's bulk endpoint, {@code POST /admin/realms/{realm}/customer-import/users}: the same body as
 * partialImport, written in one transaction through Keycloak's model API; a customer whose email or customer_id
 * exists is skipped. It answers one result per user, in order.
 */
public final class BulkImportWriter implements BatchWriter {

    /** The endpoint's path under the realm's admin API: the pack's AdminRealmResourceProvider id. */
    public static final String ENDPOINT = "customer-import";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AdminClient client;
    private final String path;
    private final int maxBatchSize;

    /** A writer that does not know the server's maximum batch size (the server refuses a larger batch with 400). */
    public BulkImportWriter(AdminClient client) {
        this(client, Integer.MAX_VALUE);
    }

    private BulkImportWriter(AdminClient client, int maxBatchSize) {
        this.client = client;
        this.path = "/admin/realms/" + AdminClient.encode(client.settings().realm()) + "/" + ENDPOINT + "/users";
        this.maxBatchSize = maxBatchSize;
    }

    /** The writer for a server whose {@code GET} of the endpoint answered {@code {"maxBatchSize":N,...}}. */
    static BulkImportWriter probed(AdminClient client, String probeBody) {
        int advertised;
        try {
            advertised = MAPPER.readTree(probeBody).path("maxBatchSize").asInt(0);
        } catch (IOException e) {
            advertised = 0;
        }
        return new BulkImportWriter(client, advertised > 0 ? advertised : Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return "bulk (" + ENDPOINT + ")";
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public List<Outcome> write(List<CustomerRecord> batch) throws BatchRefusedException, ServerException {
        AdminClient.Response response = client.postJson(path, UserPayload.body(batch));
        if (response.status() == 404) {
            throw new ServerException(ServerException.Kind.NOT_FOUND, "The bulk endpoint is not installed on realm "
                    + client.settings().realm() + " (use --writer partial-import)");
        }
        if (!response.ok()) {
            throw new BatchRefusedException(response.status(), AdminClient.errorMessage(response.body()));
        }
        JsonNode results;
        try {
            results = MAPPER.readTree(response.body()).path("results");
        } catch (IOException e) {
            throw new ServerException(ServerException.Kind.UNEXPECTED, "The bulk endpoint answered something other "
                    + "than JSON", e);
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            long index = batch.get(i).index();
            JsonNode result = results.path(i);
            String reason = result.path("reason").asText("");
            switch (result.path("status").asText("").toUpperCase(Locale.ROOT)) {
                case "CREATED" -> outcomes.add(Outcome.created(index));
                case "SKIPPED" -> outcomes.add(new Outcome(index, Outcome.Status.SKIPPED, reason));
                case "REJECTED" -> outcomes.add(new Outcome(index, Outcome.Status.REJECTED, "server: " + reason));
                default -> outcomes.add(new Outcome(index, Outcome.Status.FAILED, "the bulk endpoint gave no result"));
            }
        }
        return outcomes;
    }
}
