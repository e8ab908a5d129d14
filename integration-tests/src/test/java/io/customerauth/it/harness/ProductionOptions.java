package io.customerauth.it.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Keycloak options every production deployment of the pack takes, as the harness runs them and as
 * {@code docker-compose.yml} must set them ({@code ComposeFileTest} compares). Values that belong to one deployment
 * (ports, the database URL, the public hostname, the proxy's address) are not here.
 */
public final class ProductionOptions {

    /**
     * {@code kc.sh build}: PostgreSQL, {@code /health} and {@code /metrics} on the management port, and Keycloak's
     * user-event metrics ({@code keycloak_user_events_total} by event and error: the dashboard's login failures by
     * reason). Build options are baked into the distribution; {@code start --optimized} then skips Quarkus' build step.
     */
    public static final List<String> BUILD = List.of(
            "--db=postgres",
            "--health-enabled=true",
            "--metrics-enabled=true",
            "--event-metrics-user-enabled=true");

    /**
     * {@code kc.sh start}: plain HTTP (TLS ends at the reverse proxy) and the proxy's {@code X-Forwarded-*} headers
     * trusted, so tokens carry the public URL and the logs and the per-address limits see the real client.
     * Each deployment adds {@code --hostname} and {@code --proxy-trusted-addresses} (only the proxy may forward).
     */
    public static final List<String> START = List.of(
            "--http-enabled=true",
            "--proxy-headers=xforwarded");

    /** Options each deployment must set, with its own value. */
    public static final List<String> PER_DEPLOYMENT = List.of("hostname", "proxy-trusted-addresses");

    private ProductionOptions() {
    }

    /** The options of {@link #BUILD} and {@link #START} as Keycloak's environment variables ({@code KC_DB=postgres}). */
    public static Map<String, String> asEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (List<String> options : List.of(BUILD, START)) {
            for (String option : options) {
                String[] nameAndValue = option.substring(2).split("=", 2);
                environment.put(environmentName(nameAndValue[0]), nameAndValue[1]);
            }
        }
        return environment;
    }

    /** Keycloak's mapping of an option to its environment variable: {@code proxy-headers} is {@code KC_PROXY_HEADERS}. */
    public static String environmentName(String option) {
        return "KC_" + option.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
