package io.customerauth.keycloak.resetcode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code customer_auth_reset_codes_total{outcome}}: see {@link ResetCodeOutcome} for what counts once. The factories
 * that run forgot and reset password (the API's, the login page step's) each make one over Keycloak's registry.
 */
public final class ResetCodeOutcomes {

    private final Meter.MeterProvider<Counter> counter;

    public ResetCodeOutcomes(MeterRegistry registry) {
        this.counter = Counter.builder("customer.auth.reset.codes")
                .description("Forgot-password requests (one outcome each: mailed, mail_failed, no_account, throttled,"
                        + " dropped_queue_full, dropped_limit) and verification codes (used, wrong_tries_exhausted)")
                .withRegistry(registry);
    }

    void count(ResetCodeOutcome outcome) {
        counter.withTags("outcome", outcome.label()).increment();
    }
}
