package io.customerauth.it.docs;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's routes as the pack's OpenAPI document describes them, and the API paths a piece of the docs names:
 * a URL under {@code /realms/REALM/auth}, {@code $API/...} (the README's curl), the seed's {@code /auth/...} behind
 * the proxy, or {@code POST /login/}. Paths with {@code *} or {@code ...} stand for many and are not routes.
 */
final class ApiRoutes {

    static final String OPENAPI_DOCUMENT = "providers/src/main/resources/io/customerauth/keycloak/api/openapi.json";

    private static final Pattern REALM_URL = Pattern.compile("/realms/[^/\\s]+/auth(?![\\w-])(/[^\\s\"'?#)\\\\,`]*)?");
    private static final Pattern CURL_VARIABLE = Pattern.compile("\\$\\{?API}?(/[^\\s\"'?#)\\\\,`]*)");
    private static final Pattern METHOD_AND_PATH = Pattern.compile("^(?:GET|POST|PUT|PATCH|DELETE|OPTIONS) (/\\S*)");
    private static final Pattern SEED_PATH = Pattern.compile("^/auth(/\\S*)?$");

    private final Set<String> routes = new HashSet<>();

    private ApiRoutes(Path repository) {
        try {
            new ObjectMapper().readTree(repository.resolve(OPENAPI_DOCUMENT).toFile()).path("paths").fieldNames()
                    .forEachRemaining(path -> routes.add(normalized(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiRoutes read(Path repository) {
        return new ApiRoutes(repository);
    }

    boolean isRoute(String path) {
        return routes.contains(normalized(path));
    }

    /** API paths named in a code block's line: URLs of the realm's API and {@code $API/...}. */
    static List<String> inCode(String line) {
        List<String> paths = new ArrayList<>();
        addAll(REALM_URL.matcher(line), paths);
        addAll(CURL_VARIABLE.matcher(line), paths);
        return paths.stream().filter(ApiRoutes::isOneRoute).toList();
    }

    /** API paths named by an inline code span: a URL as in code, {@code GET /}, {@code /auth/login/}. */
    static List<String> inSpan(String span) {
        List<String> paths = new ArrayList<>(inCode(span));
        Matcher methodAndPath = METHOD_AND_PATH.matcher(span);
        boolean hasMethod = methodAndPath.find();
        String path = hasMethod ? methodAndPath.group(1) : span;
        if (!path.startsWith("/realms/") && !path.startsWith("/admin/")) {
            Matcher seed = SEED_PATH.matcher(path);
            if (seed.matches()) {
                paths.add(seed.group(1) == null ? "/" : seed.group(1));
            } else if (hasMethod) {
                paths.add(path);
            }
        }
        return paths.stream().filter(ApiRoutes::isOneRoute).toList();
    }

    private static void addAll(Matcher matcher, List<String> paths) {
        while (matcher.find()) {
            paths.add(matcher.group(1) == null ? "" : matcher.group(1));
        }
    }

    private static boolean isOneRoute(String path) {
        return !path.isEmpty() && !path.contains("*") && !path.contains("...") && !path.contains("…");
    }

    private static String normalized(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
