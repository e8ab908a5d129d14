package io.customerauth.keycloak.api;

import java.util.Map;
import java.util.Optional;

/**
 * The API's routes with their one HTTP method each, relative to {@code /realms/{realm}/auth}, with or without a
 * trailing slash: what tells a wrong method on a known route (405 with {@code Allow}) from an unknown route (404).
 */
final class ApiRoutes {

    private static final Map<String, String> METHOD_OF_ROUTE = Map.of(
            "", "GET",
            "login", "POST",
            "forgot_password", "POST",
            "reset_password", "POST",
            "version", "GET");

    private ApiRoutes() {
    }

    /** The {@code Allow} header of a known route (every route also answers CORS preflight), or empty if unknown. */
    static Optional<String> allowHeader(String pathUnderApi) {
        String route = pathUnderApi == null ? "" : pathUnderApi;
        if (route.startsWith("/")) {
            route = route.substring(1);
        }
        if (route.endsWith("/")) {
            route = route.substring(0, route.length() - 1);
        }
        return Optional.ofNullable(METHOD_OF_ROUTE.get(route)).map(method -> method + ", OPTIONS");
    }
}
