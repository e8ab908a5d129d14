package io.customerauth.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Maven build put what the harness runs: the unpacked distribution, our jars, the realm file, the
 * project's Keycloak configuration file (the log format shared with bin/dev and docker-compose.yml), Keycloak's
 * environment file (its JVM options, shared the same way) and its password
 * denylists (the realm's {@code passwordBlacklist} policy names one); its nginx configuration; where the built distribution is kept; and the
 * cache mode of the cluster test ({@code ispn}, or {@code local} to show that the test fails without a cluster).
 * Failsafe passes them as system properties (see integration-tests/pom.xml).
 */
record HarnessSettings(Path keycloakDist, Path packJars, Path realmFile, Path keycloakConfig, Path keycloakEnv,
                       Path passwordBlacklists, Path nginxConfig, Path workDir, Path testLog, Path builtDists,
                       String clusterCache) {

    static HarnessSettings fromSystemProperties() {
        return new HarnessSettings(
                existing("customerauth.keycloak.dist"),
                existing("customerauth.pack.jars"),
                existing("customerauth.realm.file"),
                existing("customerauth.keycloak.config"),
                existing("customerauth.keycloak.env"),
                existing("customerauth.password.blacklists"),
                existing("customerauth.nginx.config"),
                path("customerauth.work.dir"),
                path("customerauth.test.log"),
                path("customerauth.keycloak.built"),
                clusterCacheProperty());
    }

    private static String clusterCacheProperty() {
        String value = System.getProperty("customerauth.cluster.cache", "");
        if (value.isBlank()) {
            return "ispn";
        }
        if (!value.equals("ispn") && !value.equals("local")) {
            throw new IllegalStateException("customerauth.cluster.cache is ispn (the default) or local, not " + value);
        }
        return value;
    }

    private static Path existing(String property) {
        Path path = path(property);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points at " + path + ", which does not exist;"
                    + " run the integration tests through Maven: mvn -B verify");
        }
        return path;
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set;"
                    + " run the integration tests through Maven: mvn -B verify");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
