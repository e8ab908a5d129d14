package io.customerauth.keycloak.customer.bulk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one user of a batch (or, in a dry run, what would): created, updated (with the fields that changed),
 * unchanged, or rejected with a reason. A reason never holds a secret.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportResult(Status status, String reason, List<String> changes) {

    public enum Status { CREATED, UPDATED, UNCHANGED, REJECTED }

    static ImportResult created() {
        return new ImportResult(Status.CREATED, null, List.of());
    }

    /** @param note why something was left as it is (a password set in Keycloak), or {@code null} */
    static ImportResult updated(List<Change> changes, String note) {
        return new ImportResult(Status.UPDATED, note, changes.stream().map(Change::field).toList());
    }

    static ImportResult unchanged(String note) {
        return new ImportResult(Status.UNCHANGED, note, List.of());
    }

    static ImportResult rejected(String reason) {
        return new ImportResult(Status.REJECTED, reason, List.of());
    }
}
