package io.customerauth.importer.keycloak;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every customer of the realm (customer_id and Keycloak user id), read a page at a time from the bulk endpoint's
 * {@code GET .../customer-import/customers}: what the report of customers missing from an export is made of. Memory
 * stays one page, whatever the realm's size.
 */
public final class RealmCustomers {

    static final int PAGE_SIZE = 5_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AdminClient client;
    private final String path;

    public RealmCustomers(AdminClient client) {
        this.client = client;
        this.path = "/admin/realms/" + AdminClient.encode(client.settings().realm()) + "/" + BulkImportWriter.ENDPOINT
                + "/customers?max=" + PAGE_SIZE;
    }

    /** Hands each customer of the realm to {@code customer} (customer_id, user id), page by page. */
    public void forEach(BiConsumer<String, String> customer) throws ServerException {
        String after = null;
        do {
            AdminClient.Response response = client.get(path + (after == null ? ""
                    : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            if (!response.ok()) {
                throw new ServerException(ServerException.Kind.UNEXPECTED, "Listing the realm's customers answered HTTP "
                        + response.status() + " " + AdminClient.errorMessage(response.body()));
            }
            JsonNode page;
            try {
                page = MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new ServerException(ServerException.Kind.UNEXPECTED, "The list of the realm's customers is not "
                        + "JSON", e);
            }
            page.path("customers").forEach(c -> customer.accept(c.path("customer_id").asText(), c.path("id").asText()));
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (after != null);
    }
}
