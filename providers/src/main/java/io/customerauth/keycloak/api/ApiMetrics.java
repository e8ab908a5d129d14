package io.customerauth.keycloak.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * {@code customer_auth_requests_total} and {@code customer_auth_request_duration_seconds}, by {@code route} (an
 * {@link ApiRoute}'s metric name, or {@value ApiRoute#OTHER}) and {@code status} class.
 */
final class ApiMetrics {

    private final Meter.MeterProvider<Counter> requests;
    private final Meter.MeterProvider<Timer> durations;

    ApiMetrics(MeterRegistry registry) {
        this.requests = Counter.builder("customer.auth.requests")
                .description("Requests answered by the customer-auth API, by route and status class")
                .withRegistry(registry);
        this.durations = Timer.builder("customer.auth.request.duration")
                .description("Time to answer a customer-auth API request, by route and status class")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .withRegistry(registry);
    }

    void answered(String route, int status, long nanos) {
        Tags tags = Tags.of("route", route, "status", statusClass(status));
        requests.withTags(tags).increment();
        durations.withTags(tags).record(Duration.ofNanos(nanos));
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }
}
