package io.customerauth.keycloak.resetcode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.Arrays;

/** {@code customer_auth_reset_codes_total} in a registry of the test's own. */
final class ResetCodeCounts {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ResetCodeOutcomes outcomes = new ResetCodeOutcomes(registry);

    double of(ResetCodeOutcome outcome) {
        Counter counter = registry.find("customer.auth.reset.codes").tag("outcome", outcome.label()).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every outcome a forgot-password request can end in, summed: one per request, no more, no less. */
    double requestOutcomes() {
        return Arrays.stream(ResetCodeOutcome.values())
                .filter(outcome -> outcome != ResetCodeOutcome.USED && outcome != ResetCodeOutcome.WRONG_TRIES_EXHAUSTED)
                .mapToDouble(this::of).sum();
    }
}
