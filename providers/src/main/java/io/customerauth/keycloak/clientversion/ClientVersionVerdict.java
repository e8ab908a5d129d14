package io.customerauth.keycloak.clientversion;

/**
 * What the client-version rule says of one request: the one decision shared by the authenticator in the
 * direct-grant flow and by every route of the JSON API.
 */
public enum ClientVersionVerdict {
    ACCEPTED,
    MISSING,
    MALFORMED,
    TOO_OLD;

    public static final String HEADER = "X-Client-Version";

    public static ClientVersionVerdict of(String headerValue, ClientVersion minimum) {
        if (headerValue == null || headerValue.isBlank()) {
            return MISSING;
        }
        return ClientVersion.parse(headerValue)
                .map(version -> version.isOlderThan(minimum) ? TOO_OLD : ACCEPTED)
                .orElse(MALFORMED);
    }

    /** The message a caller sees when its version is refused. */
    public String message() {
        return switch (this) {
            case ACCEPTED -> "";
            case MISSING -> "Missing X-Client-Version header.";
            case MALFORMED -> "Malformed X-Client-Version header: expected MAJOR.MINOR.PATCH.";
            case TOO_OLD -> "This version of the app is no longer supported. Please update it.";
        };
    }

    /** 426 Upgrade Required for an old client, 400 for a missing or malformed header. */
    public int status() {
        return switch (this) {
            case ACCEPTED -> 200;
            case MISSING, MALFORMED -> 400;
            case TOO_OLD -> 426;
        };
    }
}
