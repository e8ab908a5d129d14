package io.customerauth.keycloak.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The API's routes with their one HTTP method each, relative to {@code /realms/{realm}/auth}, with or without a
 * trailing slash: what tells a wrong method on a known route (405 with {@code Allow}) from an unknown route (404),
 * and the {@code route} label of the API's metrics.
 */
enum ApiRoute {
    CURRENT_USER("", "GET", "current_user"),
    LOGIN("login", "POST", "login"),
    FORGOT_PASSWORD("forgot_password", "POST", "forgot_password"),
    RESET_PASSWORD("reset_password", "POST", "reset_password"),
    VERSION("version", "GET", "version"),
    OPENAPI("openapi.json", "GET", "openapi"),
    /** The API page and its files ({@code docs/swagger-ui.css}, ...): one label for them all. */
    DOCS("docs", "GET", "docs");

    /** The metrics label of requests to no route (answered 404 or 405). */
    static final String OTHER = "other";

    private final String path;
    private final String method;
    private final String metricName;

    ApiRoute(String path, String method, String metricName) {
        this.path = path;
        this.method = method;
        this.metricName = metricName;
    }

    static Optional<ApiRoute> of(String pathUnderApi) {
        String route = pathUnderApi == null ? "" : pathUnderApi;
        if (route.startsWith("/")) {
            route = route.substring(1);
        }
        if (route.endsWith("/")) {
            route = route.substring(0, route.length() - 1);
        }
        String wanted = route;
        return Arrays.stream(values()).filter(candidate -> candidate.path.equals(wanted)).findFirst();
    }

    /** The {@code Allow} header of the route: its method, and CORS preflight, which every route answers. */
    String allowHeader() {
        return method + ", OPTIONS";
    }

    String metricName() {
        return metricName;
    }
}
