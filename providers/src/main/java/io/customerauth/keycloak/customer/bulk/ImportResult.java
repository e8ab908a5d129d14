package io.customerauth.keycloak.customer.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of one user of a batch. The reason never holds a secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(Status status, String reason) {

    public enum Status { CREATED, SKIPPED, REJECTED }

    static ImportResult created() {
        return new ImportResult(Status.CREATED, null);
    }

    static ImportResult skipped(String reason) {
        return new ImportResult(Status.SKIPPED, reason);
    }

    static ImportResult rejected(String reason) {
        return new ImportResult(Status.REJECTED, reason);
    }
}
