package io.customerauth.keycloak.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.models.KeycloakContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3.1 document, kept in the repository beside this class ({@code openapi.json}) and served at
 * {@code GET /realms/{realm}/auth/openapi.json} with the realm's real server URL and the pack's version, so that
 * generated clients call the server they were generated from.
 */
final class OpenApiDocument {

    private static final String RESOURCE = "openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document;

    private OpenApiDocument(ObjectNode document) {
        this.document = document;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the pack's jar has no " + RESOURCE);
            }
            return new OpenApiDocument((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + RESOURCE, e);
        }
    }

    /** The document as this request's realm serves it. */
    ObjectNode forRealm(KeycloakContext context, PackInfo packInfo) {
        ObjectNode copy = document.deepCopy();
        String apiUrl = apiUrl(context);
        ArrayNode servers = copy.putArray("servers");
        servers.addObject().put("url", apiUrl).put("description", "realm " + context.getRealm().getName());
        ((ObjectNode) copy.get("info")).put("version", packInfo.version());
        return copy;
    }

    /** The public URL of this request's realm's API ({@code .../realms/REALM/auth}), as Keycloak's hostname says. */
    static String apiUrl(KeycloakContext context) {
        return context.getUri().getBaseUriBuilder()
                .path("realms").path(context.getRealm().getName()).path(CustomerAuthResourceProviderFactory.PROVIDER_ID)
                .build().toString();
    }
}
