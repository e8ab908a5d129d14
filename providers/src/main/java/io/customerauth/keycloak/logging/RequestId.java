package io.customerauth.keycloak.logging;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's log lines and its answer together: the caller's {@code X-Request-ID} when it is a
 * safe token, so ids can be followed across services, otherwise a fresh UUID (a hostile value never reaches a log).
 */
public final class RequestId {

    public static final String HEADER = "X-Request-ID";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestId() {
    }

    public static String from(String header) {
        if (header != null && SAFE.matcher(header).matches()) {
            return header;
        }
        return UUID.randomUUID().toString();
    }
}
