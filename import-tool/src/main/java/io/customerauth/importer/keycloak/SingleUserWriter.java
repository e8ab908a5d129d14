package io.customerauth.importer.keycloak;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.customerauth.importer.input.CustomerRecord;

/**
 * Keycloak's plain admin API, one {@code POST /admin/realms/{realm}/users} per customer (a 409 means the user
 * exists). Only the benchmark uses it, as the baseline the batched writers are compared with.
 */
public final class SingleUserWriter implements BatchWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AdminClient client;
    private final String path;

    public SingleUserWriter(AdminClient client) {
        this.client = client;
        this.path = "/admin/realms/" + AdminClient.encode(client.settings().realm()) + "/users";
    }

    @Override
    public String name() {
        return "admin API, one user per request";
    }

    @Override
    public List<Outcome> write(List<CustomerRecord> batch) throws ServerException {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (CustomerRecord customer : batch) {
            AdminClient.Response response = client.postJson(path, body(customer));
            if (response.status() == 201) {
                outcomes.add(Outcome.created(customer.index()));
            } else if (response.status() == 409) {
                outcomes.add(new Outcome(customer.index(), Outcome.Status.SKIPPED, "email already in the realm"));
            } else {
                outcomes.add(new Outcome(customer.index(), Outcome.Status.FAILED, "HTTP " + response.status() + " "
                        + AdminClient.errorMessage(response.body())));
            }
        }
        return outcomes;
    }

    private static byte[] body(CustomerRecord customer) {
        try {
            return MAPPER.writeValueAsBytes(UserPayload.user(customer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the user as JSON", e);
        }
    }
}
