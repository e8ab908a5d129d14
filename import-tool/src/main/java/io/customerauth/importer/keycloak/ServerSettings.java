package io.customerauth.importer.keycloak;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom the tool talks to Keycloak. {@link #toString()} never shows the password.
 *
 * @param retries how many times a batch is retried after a connection error or a 5xx answer
 */
public record ServerSettings(URI server, String realm, String adminRealm, String adminUser, String adminPassword,
                             int retries, Duration requestTimeout) {

    @Override
    public String toString() {
        return "ServerSettings[server=" + server + ", realm=" + realm + ", adminRealm=" + adminRealm
                + ", adminUser=" + adminUser + ", adminPassword=<hidden>, retries=" + retries + "]";
    }

    /** The server URL joined with an absolute path, whatever trailing slash the URL had. */
    URI resolve(String path) {
        String base = server.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
