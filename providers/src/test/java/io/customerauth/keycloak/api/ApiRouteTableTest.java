package io.customerauth.keycloak.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table ({@link ApiRoute}) is the one description of the API: the JAX-RS annotations hand every route to
 * it, CORS allows its methods, the metrics label its routes, and the OpenAPI document lists exactly its routes.
 */
class ApiRouteTableTest {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, OPTIONS.class);

    @Test
    void jaxRsHandsEveryPathOfEveryMethodToTheOneDispatch() {
        Map<String, String> pathByVerb = new HashMap<>();
        for (Method method : CustomerAuthResource.class.getDeclaredMethods()) {
            for (Class<? extends Annotation> verb : VERBS) {
                if (method.isAnnotationPresent(verb)) {
                    String previous = pathByVerb.put(verb.getAnnotation(HttpMethod.class).value(),
                            method.getAnnotation(Path.class).value());
                    assertThat(previous).as("a second %s method", verb.getSimpleName()).isNull();
                }
            }
        }

        assertThat(pathByVerb).containsOnlyKeys("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
        assertThat(pathByVerb.values()).containsOnly(CustomerAuthResource.ANY_PATH);
        Pattern anyPath = templateRegex(CustomerAuthResource.ANY_PATH);
        for (ApiRoute route : ApiRoute.values()) {
            assertThat(pathByVerb).containsKey(route.method());
            for (String path : List.of(route.path(), route.path() + "/")) {
                assertThat(anyPath.matcher(path).matches()).as("'%s' reaches the dispatch", path).isTrue();
                assertThat(ApiRoute.of(path)).as("'%s' is dispatched to its route", path).contains(route);
            }
        }
    }

    @Test
    void corsAllowsTheMethodsOfTheTableAndPreflightAndNothingElse() {
        Set<String> tableMethods = Arrays.stream(ApiRoute.values()).map(ApiRoute::method).collect(Collectors.toSet());
        tableMethods.add("OPTIONS");

        assertThat(ApiCors.ALLOWED_METHODS.split(", ")).containsExactlyInAnyOrderElementsOf(tableMethods);
        assertThat(ApiCors.ALLOWED_METHODS).isEqualTo("GET, POST, OPTIONS");
    }

    @Test
    void eachRouteHasAMetricLabelOfItsOwnAndOtherIsLeftForTheRest() {
        List<String> labels = Arrays.stream(ApiRoute.values()).map(ApiRoute::metricName).toList();

        assertThat(labels).doesNotHaveDuplicates().doesNotContain(ApiRoute.OTHER)
                .allSatisfy(label -> assertThat(label).matches("[a-z_]+"))
                .containsExactly("current_user", "login", "forgot_password", "reset_password", "version", "openapi",
                        "docs");
    }

    @Test
    void theApiPageRouteAnswersItsFilesAndNoOtherRouteHasAny() {
        assertThat(ApiRoute.of("/docs/swagger-ui.css")).contains(ApiRoute.DOCS);
        assertThat(ApiRoute.DOCS.fileOf("/docs/swagger-ui.css/")).contains("swagger-ui.css");
        assertThat(ApiRoute.DOCS.fileOf("/docs/")).isEmpty();
        assertThat(ApiRoute.of("/docs/a/b")).as("one level of files, no deeper").isEmpty();
        assertThat(ApiRoute.of("/login/x")).isEmpty();
        assertThat(ApiRoute.of("/openapi.json/x")).isEmpty();
    }

    @Test
    void theOpenApiDocumentListsExactlyTheTable() throws IOException {
        JsonNode paths;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
            paths = new ObjectMapper().readTree(in).path("paths");
        }
        Set<String> documented = new HashSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                documented.add(method.toUpperCase() + " " + ApiRoute.of(path.getKey()).map(Enum::name).orElse(path.getKey()));
            }
        }));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(Arrays.stream(ApiRoute.values())
                .map(route -> route.method() + " " + route.name()).toList());
    }

    /** A JAX-RS path template of one parameter with a regex, {@code {name: regex}}, as the regex it matches. */
    private static Pattern templateRegex(String template) {
        Matcher parameter = Pattern.compile("\\{\\w+: (.*)}").matcher(template);
        assertThat(parameter.matches()).as("template %s", template).isTrue();
        return Pattern.compile(parameter.group(1));
    }
}
