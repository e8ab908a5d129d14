package io.customerauth.keycloak.clientversion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code customer_auth_client_version_refusals_total{endpoint,minimum}}: clients refused with 426 as older than the
 * minimum, at the API ({@code api}) or at Keycloak's token endpoint ({@code token}).
 */
public final class VersionRefusals {

    private final Meter.MeterProvider<Counter> refusals;

    public VersionRefusals(MeterRegistry registry) {
        this.refusals = Counter.builder("customer.auth.client.version.refusals")
                .description("Clients refused as older than the minimum version (426), by minimum and endpoint")
                .withRegistry(registry);
    }

    public void refused(String endpoint, ClientVersion minimum) {
        refusals.withTags("endpoint", endpoint, "minimum", minimum.toString()).increment();
    }
}
