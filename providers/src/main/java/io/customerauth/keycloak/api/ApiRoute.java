package io.customerauth.keycloak.api;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API's route table, relative to {@code /realms/{realm}/auth}, each path with or without a trailing slash: its one
 * HTTP method, its {@code route} label in the metrics, whether it checks the client version, and what answers it.
 * The resource dispatches every request through it ({@link CustomerAuthResource}); it tells a wrong method on a known
 * route (405 with {@code Allow}) from an unknown route (404), and gives CORS its allowed methods. The OpenAPI document
 * lists the same routes ({@code ApiRouteTableTest} checks all of it).
 */
enum ApiRoute {
    CURRENT_USER("", "GET", "current_user", true, CustomerAuthResource::currentUser),
    LOGIN("login", "POST", "login", true, CustomerAuthResource::login),
    FORGOT_PASSWORD("forgot_password", "POST", "forgot_password", true, CustomerAuthResource::forgotPassword),
    RESET_PASSWORD("reset_password", "POST", "reset_password", true, CustomerAuthResource::resetPassword),
    VERSION("version", "GET", "version", true, CustomerAuthResource::version),
    /** The API's own description: open to every client, whatever its version. */
    OPENAPI("openapi.json", "GET", "openapi", false, CustomerAuthResource::openApi),
    /** The API page and its files ({@code docs/swagger-ui.css}, ...), where the server turns it on: one label for all. */
    DOCS("docs", "GET", "docs", false, true, CustomerAuthResource::apiDocs);

    /** The metrics label of requests to no route (answered 404 or 405). */
    static final String OTHER = "other";
    /** CORS preflight, which every route answers. */
    static final String PREFLIGHT = "OPTIONS";

    /** What answers a route: the 200 body, or an {@link ApiException}. */
    @FunctionalInterface
    interface Handler {
        Object answer(CustomerAuthResource resource, ApiCall call, InputStream body);
    }

    private final String path;
    private final String method;
    private final String metricName;
    private final boolean checksClientVersion;
    private final boolean servesFiles;
    private final Handler handler;

    ApiRoute(String path, String method, String metricName, boolean checksClientVersion, Handler handler) {
        this(path, method, metricName, checksClientVersion, false, handler);
    }

    /** {@code servesFiles}: the route answers {@code path/NAME} too, the file of that name. */
    ApiRoute(String path, String method, String metricName, boolean checksClientVersion, boolean servesFiles,
             Handler handler) {
        this.path = path;
        this.method = method;
        this.metricName = metricName;
        this.checksClientVersion = checksClientVersion;
        this.servesFiles = servesFiles;
        this.handler = handler;
    }

    /** The route at this path (leading and trailing slash alike), whatever the method. */
    static Optional<ApiRoute> of(String pathUnderApi) {
        String wanted = trimmed(pathUnderApi);
        return Arrays.stream(values()).filter(candidate -> candidate.path.equals(wanted)
                || candidate.file(wanted).isPresent()).findFirst();
    }

    /** The name of the file this path asks of the route ({@code docs/swagger-ui.css}: {@code swagger-ui.css}). */
    Optional<String> fileOf(String pathUnderApi) {
        return file(trimmed(pathUnderApi));
    }

    private Optional<String> file(String trimmedPath) {
        String prefix = path + "/";
        if (!servesFiles || !trimmedPath.startsWith(prefix) || trimmedPath.length() == prefix.length()
                || trimmedPath.indexOf('/', prefix.length()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(trimmedPath.substring(prefix.length()));
    }

    private static String trimmed(String pathUnderApi) {
        String route = pathUnderApi == null ? "" : pathUnderApi;
        if (route.startsWith("/")) {
            route = route.substring(1);
        }
        if (route.endsWith("/")) {
            route = route.substring(0, route.length() - 1);
        }
        return route;
    }

    /** The methods of the table, then preflight: CORS's {@code Access-Control-Allow-Methods}. */
    static Set<String> allowedMethods() {
        Set<String> methods = Arrays.stream(values()).map(ApiRoute::method)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        methods.add(PREFLIGHT);
        return methods;
    }

    String path() {
        return path;
    }

    String method() {
        return method;
    }

    /** The {@code Allow} header of the route: its method, and CORS preflight. */
    String allowHeader() {
        return method + ", " + PREFLIGHT;
    }

    String metricName() {
        return metricName;
    }

    boolean checksClientVersion() {
        return checksClientVersion;
    }

    Object answer(CustomerAuthResource resource, ApiCall call, InputStream body) {
        return handler.answer(resource, call, body);
    }
}
