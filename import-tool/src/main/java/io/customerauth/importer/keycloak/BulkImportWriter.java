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
 * partialImport, written in one transaction; a customer is matched by customer_id and created, updated (the
 * export's email, country, language and, while they have not set a password in Keycloak, hash) or left unchanged.
 * It answers one result per user, in order. As a dry run ({@link #dryRun()}) it asks the same with
 * {@code ?dryRun=true}: the server decides everything and writes nothing.
 */
public final class BulkImportWriter implements BatchWriter {

    /** The endpoint's path under the realm's admin API: the pack's AdminRealmResourceProvider id. */
    public static final String ENDPOINT = "customer-import";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AdminClient client;
    private final String path;
    private final int maxBatchSize;
    private final boolean dryRun;
    private final boolean modelStore;

    /** A writer that does not know the server's maximum batch size (the server refuses a larger batch with 400). */
    public BulkImportWriter(AdminClient client) {
        this(client, Integer.MAX_VALUE, false, false);
    }

    private BulkImportWriter(AdminClient client, int maxBatchSize, boolean dryRun, boolean modelStore) {
        this.client = client;
        this.path = "/admin/realms/" + AdminClient.encode(client.settings().realm()) + "/" + ENDPOINT + "/users"
                + query(dryRun, modelStore);
        this.maxBatchSize = maxBatchSize;
        this.dryRun = dryRun;
        this.modelStore = modelStore;
    }

    private static String query(boolean dryRun, boolean modelStore) {
        String query = (dryRun ? "&dryRun=true" : "") + (modelStore ? "&store=model" : "");
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }

    /** The same writer asking the server what it would do, writing nothing. */
    public BulkImportWriter dryRun() {
        return new BulkImportWriter(client, maxBatchSize, true, modelStore);
    }

    /** The same writer asking the server to go through Keycloak's user model (slower; a diagnosis aid). */
    public BulkImportWriter throughTheUserModel() {
        return new BulkImportWriter(client, maxBatchSize, dryRun, true);
    }

    public AdminClient client() {
        return client;
    }

    /** The writer for a server whose {@code GET} of the endpoint answered {@code {"maxBatchSize":N,...}}. */
    static BulkImportWriter probed(AdminClient client, String probeBody) {
        int advertised;
        try {
            advertised = MAPPER.readTree(probeBody).path("maxBatchSize").asInt(0);
        } catch (IOException e) {
            advertised = 0;
        }
        return new BulkImportWriter(client, advertised > 0 ? advertised : Integer.MAX_VALUE, false, false);
    }

    @Override
    public String name() {
        return "bulk (" + ENDPOINT + (modelStore ? ", through the user model" : "") + ")";
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
            List<String> changes = new ArrayList<>();
            result.path("changes").forEach(change -> changes.add(change.asText()));
            switch (result.path("status").asText("").toUpperCase(Locale.ROOT)) {
                case "CREATED" -> outcomes.add(Outcome.created(index));
                case "UPDATED" -> outcomes.add(new Outcome(index, Outcome.Status.UPDATED, reason, changes));
                case "UNCHANGED" -> outcomes.add(new Outcome(index, Outcome.Status.UNCHANGED, reason));
                case "SKIPPED" -> outcomes.add(new Outcome(index, Outcome.Status.SKIPPED, reason));
                case "REJECTED" -> outcomes.add(new Outcome(index, Outcome.Status.REJECTED, "server: " + reason));
                default -> outcomes.add(new Outcome(index, Outcome.Status.FAILED, "the bulk endpoint gave no result"));
            }
        }
        return outcomes;
    }
}
