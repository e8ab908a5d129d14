package io.customerauth.importer.keycloak;

/** What became of one record. {@code reason} is empty for created records and never holds a secret. */
public record Outcome(long index, Status status, String reason) {

    public enum Status { CREATED, SKIPPED, REJECTED, FAILED }

    public static Outcome created(long index) {
        return new Outcome(index, Status.CREATED, "");
    }
}
