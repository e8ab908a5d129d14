package io.customerauth.keycloak.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Where the pack's series go: Micrometer's global registry, to which Keycloak (Quarkus) adds the registry it shows on
 * the management port's {@code /metrics} with {@code --metrics-enabled=true}; without that option the series stay in
 * memory only. Each feature's factory takes it once at start and hands its own meters to what it creates; tests hand
 * them a registry of their own.
 *
 * <p>Every label of the pack takes its value from a closed set (routes, status classes, outcomes, job kinds, the
 * minimum versions admins configure): nothing per user, no email, no customer id, so the number of series stays
 * bounded.
 */
public final class KeycloakMeterRegistry {

    private KeycloakMeterRegistry() {
    }

    public static MeterRegistry get() {
        return Metrics.globalRegistry;
    }
}
