package io.customerauth.importer.input;

/** The input file cannot be read as a JSON array of records (from that point on). */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    public InputException(String message) {
        super(message);
    }
}
