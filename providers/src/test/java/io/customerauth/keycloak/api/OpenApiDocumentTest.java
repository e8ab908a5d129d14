package io.customerauth.keycloak.api;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the pack serves, read by a real OpenAPI parser, and kept in step with the routes. */
class OpenApiDocumentTest {

    /** The API's own description and its page, which every client may read whatever its version. */
    private static final Set<String> OPEN_TO_EVERY_VERSION = Set.of("/openapi.json", "/docs");

    private final SwaggerParseResult parsed = parse();

    @Test
    void isAValidOpenApi31Document() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void describesEveryRouteWithItsOneMethod() {
        Map<String, PathItem> paths = parsed.getOpenAPI().getPaths();
        for (ApiRoute route : ApiRoute.values()) {
            String method = route.allowHeader().split(",")[0];
            PathItem item = paths.entrySet().stream()
                    .filter(path -> ApiRoute.of(path.getKey()).orElse(null) == route)
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            assertThat(item).as("path of %s", route).isNotNull();
            assertThat(item.readOperationsMap().keySet()).as("methods of %s", route)
                    .extracting(Enum::name).containsExactly(method);
        }
        assertThat(paths).hasSize(ApiRoute.values().length);
    }

    @Test
    void everyVersionedRouteDocumentsTheVersionRefusalsAndTheServerError() {
        OpenAPI api = parsed.getOpenAPI();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getResponses()).as("%s %s", method, path).containsKey("500");
            if (!OPEN_TO_EVERY_VERSION.contains(path)) {
                assertThat(operation.getResponses()).as("%s %s", method, path).containsKeys("200", "400", "426");
                assertThat(headerParameters(operation)).as("%s %s", method, path).contains("X-Client-Version");
            }
        }));
    }

    @Test
    void theCurrentUserNeedsABearerToken() {
        Operation currentUser = parsed.getOpenAPI().getPaths().get("/").getGet();

        assertThat(currentUser.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsKey("bearer"));
        assertThat(currentUser.getResponses().get("401").getHeaders()).containsKey("WWW-Authenticate");
    }

    private static String[] headerParameters(Operation operation) {
        return operation.getParameters().stream()
                .filter(parameter -> "header".equals(parameter.getIn()))
                .map(parameter -> parameter.getName()).toArray(String[]::new);
    }

    private static SwaggerParseResult parse() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            return new OpenAPIParser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null,
                    options);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
