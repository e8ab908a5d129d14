package io.customerauth.importer.keycloak;

/** Keycloak refused a whole batch with a 4xx answer (one bad record spoils a partialImport batch). */
public final class BatchRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public BatchRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
