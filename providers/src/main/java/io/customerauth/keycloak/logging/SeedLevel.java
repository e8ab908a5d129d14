package io.customerauth.keycloak.logging;

import java.util.logging.Level;

/**
 * The seed's level names, {@code INFO}, {@code WARNING} and {@code ERROR}, as {@code java.util.logging} levels.
 * Keycloak's log handlers print a level's own name ({@code %p}); JBoss Logging's {@code warn} would print
 * {@code WARN}, and plain {@code java.util.logging}'s error level is named {@code SEVERE}. Log parsers and alerts
 * written for the seed match these names.
 */
final class SeedLevel extends Level {

    static final Level INFO = Level.INFO;
    static final Level WARNING = Level.WARNING;
    static final Level ERROR = new SeedLevel("ERROR", Level.SEVERE.intValue());

    private SeedLevel(String name, int value) {
        super(name, value);
    }
}
