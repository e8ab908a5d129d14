package io.customerauth.keycloak.customer.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/** {@code customer_auth_import_records_total{result}}: records of the bulk import endpoint, once committed. */
final class ImportMetrics {

    private final Meter.MeterProvider<Counter> records;

    ImportMetrics(MeterRegistry registry) {
        this.records = Counter.builder("customer.auth.import.records")
                .description("Records of the bulk import endpoint by result: created, updated, unchanged, rejected")
                .withRegistry(registry);
    }

    void imported(String result, long count) {
        if (count > 0) {
            records.withTags("result", result.toLowerCase(Locale.ROOT)).increment(count);
        }
    }
}
