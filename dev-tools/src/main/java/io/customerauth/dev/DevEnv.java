package io.customerauth.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Typed reads of the environment variables the dev tools are configured with (bin/dev sets them).
 */
public final class DevEnv {

    private final Map<String, String> env;

    DevEnv(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static DevEnv system() {
        return new DevEnv(System.getenv());
    }

    /** Given variables, e.g. in a test. */
    public static DevEnv of(Map<String, String> env) {
        return new DevEnv(env);
    }

    public String string(String name, String defaultValue) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /** The variable as a required value; fails with a message that names it. */
    public String required(String name) {
        String value = string(name, null);
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    public int port(String name, int defaultValue) {
        String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), not '" + value + "'");
        }
    }

    /** A whole number of seconds, at least 1. */
    public Duration seconds(String name, long defaultSeconds) {
        String value = string(name, null);
        if (value == null) {
            return Duration.ofSeconds(defaultSeconds);
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds (1 or more), not '" + value + "'");
        }
    }

    /** True when the variable is {@code 1} or {@code true}. */
    public boolean flag(String name) {
        String value = string(name, "");
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    /** Whether the variable is set to something other than blanks. */
    public boolean isSet(String name) {
        return string(name, null) != null;
    }

    public Path path(String name, Path defaultValue) {
        String value = string(name, null);
        return (value == null ? defaultValue : Path.of(value)).toAbsolutePath().normalize();
    }
}
