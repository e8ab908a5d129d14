package io.customerauth.importer.keycloak;

/** Keycloak cannot be used for this import: unreachable, the admin login refused, access denied, realm missing. */
public final class ServerException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind { UNREACHABLE, AUTHENTICATION, FORBIDDEN, NOT_FOUND, UNEXPECTED }

    private final Kind kind;

    public ServerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ServerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
