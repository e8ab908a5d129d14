package io.customerauth.importer.keycloak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.customerauth.importer.input.CustomerRecord;

/**
 * Keycloak's own realm {@code partialImport} with {@code ifResourceExists: SKIP}: a user whose username or email
 * exists is skipped. It does not know about customer ids, so a customer whose customer_id is already taken by a
 * user with another email is created (the bulk writer skips it).
 */
public final class PartialImportWriter implements BatchWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AdminClient client;
    private final String path;

    public PartialImportWriter(AdminClient client) {
        this.client = client;
        this.path = "/admin/realms/" + AdminClient.encode(client.settings().realm()) + "/partialImport";
    }

    @Override
    public String name() {
        return "partialImport";
    }

    @Override
    public List<Outcome> write(List<CustomerRecord> batch) throws BatchRefusedException, ServerException {
        AdminClient.Response response = client.postJson(path, UserPayload.body(batch));
        if (response.status() == 404) {
            throw new ServerException(ServerException.Kind.NOT_FOUND, "Realm " + client.settings().realm()
                    + " not found");
        }
        if (!response.ok()) {
            throw new BatchRefusedException(response.status(), AdminClient.errorMessage(response.body()));
        }
        Map<String, String> actions = new HashMap<>();
        try {
            for (JsonNode result : MAPPER.readTree(response.body()).path("results")) {
                if ("USER".equals(result.path("resourceType").asText())) {
                    actions.put(result.path("resourceName").asText(), result.path("action").asText());
                }
            }
        } catch (IOException e) {
            throw new ServerException(ServerException.Kind.UNEXPECTED, "partialImport answered something other "
                    + "than JSON", e);
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (CustomerRecord customer : batch) {
            String action = actions.get(customer.email());
            if ("ADDED".equals(action) || "OVERWRITTEN".equals(action)) {
                outcomes.add(Outcome.created(customer.index()));
            } else if ("SKIPPED".equals(action)) {
                outcomes.add(new Outcome(customer.index(), Outcome.Status.SKIPPED, "email already in the realm"));
            } else {
                outcomes.add(new Outcome(customer.index(), Outcome.Status.FAILED, "partialImport gave no result"));
            }
        }
        return outcomes;
    }
}
