package io.customerauth.dev;

import java.nio.file.Path;
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

    public Path path(String name, Path defaultValue) {
        String value = string(name, null);
        return (value == null ? defaultValue : Path.of(value)).toAbsolutePath().normalize();
    }
}
