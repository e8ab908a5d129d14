package io.customerauth.keycloak.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * The pack's series, in the Micrometer registry Keycloak itself reports through (the management port's
 * {@code /metrics} with {@code --metrics-enabled=true}; without it the registry keeps them in memory only). Every
 * label takes its value from a closed set (routes, status classes, outcomes, the minimum versions admins configure):
 * nothing per user, no email, no customer id, so the number of series stays bounded.
 */
public final class PackMetrics {

    private static final MeterRegistry REGISTRY = Metrics.globalRegistry;

    private static final Meter.MeterProvider<Counter> REQUESTS = Counter.builder("customer.auth.requests")
            .description("Requests answered by the customer-auth API, by route and status class")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Timer> REQUEST_DURATION = Timer.builder("customer.auth.request.duration")
            .description("Time to answer a customer-auth API request, by route and status class")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> VERSION_REFUSALS = Counter
            .builder("customer.auth.client.version.refusals")
            .description("Clients refused as older than the minimum version (426), by minimum and endpoint")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> RESET_CODES = Counter.builder("customer.auth.reset.codes")
            .description("Forgot-password requests and verification codes by outcome: mailed, mail_failed,"
                    + " no_account, throttled, dropped_queue_full, dropped_limit, used, wrong_tries_exhausted")
            .withRegistry(REGISTRY);
    private static final Meter.MeterProvider<Counter> IMPORTED = Counter.builder("customer.auth.import.records")
            .description("Records of the bulk import endpoint by result: created, skipped, rejected")
            .withRegistry(REGISTRY);

    private PackMetrics() {
    }

    /** One API request: route is one of the API's route names (or {@code other}), status its HTTP status. */
    public static void request(String route, int status, long nanos) {
        Tags tags = Tags.of("route", route, "status", statusClass(status));
        REQUESTS.withTags(tags).increment();
        REQUEST_DURATION.withTags(tags).record(Duration.ofNanos(nanos));
    }

    /** A client refused as too old, at the API ({@code api}) or at Keycloak's token endpoint ({@code token}). */
    public static void clientVersionRefused(String endpoint, String minimum) {
        VERSION_REFUSALS.withTags("endpoint", endpoint, "minimum", minimum).increment();
    }

    public static void resetCode(ResetCodeOutcome outcome) {
        RESET_CODES.withTags("outcome", outcome.label()).increment();
    }

    public static void imported(String result, long count) {
        if (count > 0) {
            IMPORTED.withTags("result", result.toLowerCase(Locale.ROOT)).increment(count);
        }
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }

    /**
     * What became of a forgot-password request or of its code (the label values of
     * {@code customer_auth_reset_codes_total}). Every request that got past the per-address limit ends its
     * background job in exactly one of {@code mailed}, {@code mail_failed}, {@code no_account}, {@code throttled},
     * {@code dropped_queue_full} or {@code dropped_limit}; a refused one counts as {@code dropped_limit} at once.
     */
    public enum ResetCodeOutcome {
        MAILED, MAIL_FAILED, NO_ACCOUNT, THROTTLED, DROPPED_QUEUE_FULL, DROPPED_LIMIT, USED, WRONG_TRIES_EXHAUSTED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
