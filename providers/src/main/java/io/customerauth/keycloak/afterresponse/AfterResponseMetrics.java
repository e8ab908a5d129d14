package io.customerauth.keycloak.afterresponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code customer_auth_after_response_jobs_dropped_total{kind}}: jobs that did not fit in the queue, by kind. The
 * label is not {@code job}: Prometheus sets that to the scrape job and renames a metric's own to {@code exported_job}.
 * A job's own series may count the same drop in its terms (a forgot-password request's outcome, say); this one counts
 * every kind alike, so it is the one to watch for a queue that is too small.
 */
final class AfterResponseMetrics {

    private final Meter.MeterProvider<Counter> dropped;

    AfterResponseMetrics(MeterRegistry registry) {
        this.dropped = Counter.builder("customer.auth.after.response.jobs.dropped")
                .description("Jobs after the answer (mails, events) dropped because the queue had no room, by job")
                .withRegistry(registry);
    }

    void dropped(String job) {
        dropped.withTags("kind", job).increment();
    }
}
