package io.customerauth.importer.keycloak;

import java.util.List;

/**
 * What became of one record (or, in a dry run, what would). {@code reason} is empty for created records and never
 * holds a secret; {@code changes} names the fields an update wrote (email, country, language, password).
 */
public record Outcome(long index, Status status, String reason, List<String> changes) {

    /**
     * {@code UPDATED} and {@code UNCHANGED} come from the bulk endpoint, which matches customers by customer_id;
     * {@code SKIPPED} from the fallback writers, which cannot compare an existing user with the export.
     */
    public enum Status { CREATED, UPDATED, UNCHANGED, SKIPPED, REJECTED, FAILED }

    public Outcome(long index, Status status, String reason) {
        this(index, status, reason, List.of());
    }

    public static Outcome created(long index) {
        return new Outcome(index, Status.CREATED, "");
    }
}
