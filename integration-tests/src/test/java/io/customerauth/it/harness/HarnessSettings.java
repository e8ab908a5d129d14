package io.customerauth.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Maven build put what the harness runs: the unpacked distribution; the pack as Keycloak installs it
 * ({@code pack/target/customer-auth-pack}: the jars, {@code conf/keycloak.conf} with the seed's log format, the realm
 * and the password denylist under {@code data/}, the same tree bin/dev, the benchmark and the Containerfile copy);
 * Keycloak's environment file (its JVM options, shared the same way); its nginx configuration; where the built
 * distribution is kept; and the cache mode of the cluster test ({@code ispn}, or {@code local} to show that the test
 * fails without a cluster). Failsafe passes them as system properties (see integration-tests/pom.xml).
 */
record HarnessSettings(Path keycloakDist, Path pack, Path keycloakEnv, Path nginxConfig, Path workDir, Path testLog,
                       Path builtDists, String clusterCache) {

    static HarnessSettings fromSystemProperties() {
        return new HarnessSettings(
                existing("customerauth.keycloak.dist"),
                existing("customerauth.pack.dir"),
                existing("customerauth.keycloak.env"),
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
