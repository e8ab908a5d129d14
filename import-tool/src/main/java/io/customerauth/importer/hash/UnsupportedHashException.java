package io.customerauth.importer.hash;

/** A {@code password_hash} the tool cannot import; the message says why and never contains the hash. */
public final class UnsupportedHashException extends Exception {

    private static final long serialVersionUID = 1L;

    UnsupportedHashException(String reason) {
        super(reason, null, false, false);
    }
}
