package io.customerauth.keycloak.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A copy of an exception for the log: the same class name, stack trace, causes and suppressed exceptions, but a
 * description ({@code toString()}, which the log format's {@code %e} prints) whose control characters are escaped,
 * so that an exception message built from request data cannot forge log lines inside a stack trace.
 */
final class EscapedThrowable extends RuntimeException {

    private static final int MAX_DEPTH = 32;

    private final String description;

    private EscapedThrowable(String description, Throwable cause) {
        super(description, cause, true, true);
        this.description = description;
    }

    static Throwable of(Throwable original) {
        return copy(original, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static EscapedThrowable copy(Throwable original, Set<Throwable> seen, int depth) {
        seen.add(original);
        Throwable cause = original.getCause();
        EscapedThrowable copy = new EscapedThrowable(LogText.escape(String.valueOf(original)),
                cause != null && depth < MAX_DEPTH && !seen.contains(cause) ? copy(cause, seen, depth + 1) : null);
        copy.setStackTrace(original.getStackTrace());
        if (depth < MAX_DEPTH) {
            for (Throwable suppressed : original.getSuppressed()) {
                if (!seen.contains(suppressed)) {
                    copy.addSuppressed(copy(suppressed, seen, depth + 1));
                }
            }
        }
        return copy;
    }

    @Override
    public String toString() {
        return description;
    }
}
