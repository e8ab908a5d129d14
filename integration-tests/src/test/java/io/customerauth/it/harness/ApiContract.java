package io.customerauth.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's OpenAPI document ({@code providers/.../api/openapi.json}) as a contract that every response the ITs
 * receive from the API must keep: its status is documented for the operation, its body validates against the
 * documented JSON schema (draft 2020-12, as OpenAPI 3.1 says), and it carries {@code X-Request-ID}. A request to a
 * path and method the document does not describe must be answered 404 or 405, as the document's description says.
 * So the document and the code cannot drift apart unseen.
 */
public final class ApiContract {

    private static final String DOCUMENT_URI = "https://customer-auth.test/openapi.json";
    private static final ApiContract INSTANCE = load();

    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private ApiContract(JsonNode document, String text) {
        this.document = document;
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, text))));
    }

    public static ApiContract get() {
        return INSTANCE;
    }

    private static ApiContract load() {
        Path file = Path.of(System.getProperty("customerauth.openapi.file",
                "../providers/src/main/resources/io/customerauth/keycloak/api/openapi.json"));
        try {
            String text = Files.readString(file);
            return new ApiContract(StrictJson.parse(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + file.toAbsolutePath(), e);
        }
    }

    /**
     * Checks one answer of the API. {@code pathUnderApi} is the request path below {@code /realms/{realm}/auth}.
     *
     * @throws AssertionError naming every way the answer breaks the contract
     */
    public void check(String method, String pathUnderApi, Api.Response response) {
        if (method.equalsIgnoreCase("OPTIONS")) {
            return;
        }
        if (response.header("X-Request-ID") == null) {
            throw new AssertionError(method + " " + pathUnderApi + ": no X-Request-ID header in " + response);
        }
        String pointer = operationPointer(method, pathUnderApi);
        if (pointer == null) {
            if (response.status() != 404 && response.status() != 405) {
                throw new AssertionError(method + " " + pathUnderApi + " is not in the OpenAPI document, yet answered "
                        + response);
            }
            validate(method + " " + pathUnderApi, "#/components/schemas/Message", response);
            return;
        }
        String responsePointer = pointer + "/responses/" + response.status();
        JsonNode documented = at(responsePointer);
        if (documented.isMissingNode()) {
            throw new AssertionError(method + " " + pathUnderApi + " answered " + response.status()
                    + ", a status the OpenAPI document does not list: " + response);
        }
        if (documented.has("$ref")) {
            responsePointer = documented.get("$ref").asText();
            documented = at(responsePointer);
        }
        for (var header : iterable(documented.path("headers").fieldNames())) {
            if (response.header(header) == null) {
                throw new AssertionError(method + " " + pathUnderApi + ": documented header " + header
                        + " missing from " + response);
            }
        }
        JsonNode content = documented.path("content");
        if (!content.has("application/json")) {
            checkDocumentType(method + " " + pathUnderApi, content, response);
            return;
        }
        validate(method + " " + pathUnderApi, responsePointer + "/content/application~1json/schema", response);
    }

    /** An answer that is a document, not JSON (the API page): its type must be the documented one. */
    private static void checkDocumentType(String request, JsonNode content, Api.Response response) {
        String type = response.header("Content-Type");
        for (var documentedType : iterable(content.fieldNames())) {
            if (type != null && type.startsWith(documentedType)) {
                return;
            }
        }
        throw new AssertionError(request + " answered Content-Type " + type + ", the OpenAPI document says "
                + content.fieldNames().next());
    }

    private void validate(String request, String schemaPointer, Api.Response response) {
        JsonSchema schema = compiled.computeIfAbsent(schemaPointer, pointer -> schemas.getSchema(
                SchemaLocation.of(DOCUMENT_URI + (pointer.startsWith("#") ? pointer : "#" + pointer))));
        Set<ValidationMessage> errors = schema.validate(response.json());
        if (!errors.isEmpty()) {
            throw new AssertionError(request + " answered " + response + ", which breaks the OpenAPI document: "
                    + errors);
        }
    }

    /** The JSON pointer of the documented operation, or null when the document has no such path and method. */
    private String operationPointer(String method, String pathUnderApi) {
        String path = pathUnderApi.isEmpty() ? "/" : pathUnderApi;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String operation = method.toLowerCase(Locale.ROOT);
        for (String candidate : List.of(path, path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/")) {
            if (document.path("paths").path(candidate).has(operation)) {
                return "#/paths/" + escape(candidate) + "/" + operation;
            }
        }
        return null;
    }

    private JsonNode at(String pointer) {
        return document.at(pointer.startsWith("#") ? pointer.substring(1) : pointer);
    }

    private static String escape(String pathKey) {
        return pathKey.replace("~", "~0").replace("/", "~1");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
