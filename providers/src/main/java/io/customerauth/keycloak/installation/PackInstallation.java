package io.customerauth.keycloak.installation;

import org.jboss.logging.Logger;
import org.keycloak.Config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pack is more than its jars: the customers realm's password policy names a denylist that must lie where Keycloak
 * looks for denylists, or Keycloak refuses to start with {@code Password denylist ... not found!}, a message that does
 * not say what is missing from where. Checked once at start, before Keycloak imports the realm, so that a partial
 * installation (the jars copied alone) says how to install the pack whole.
 */
public final class PackInstallation {

    static final String DENYLIST = "customer-auth-common-passwords.txt";

    private static final Logger LOG = Logger.getLogger(PackInstallation.class);

    private PackInstallation() {
    }

    /** Logs an error naming the fix where a piece of the pack is missing from this server. */
    public static void check() {
        Config.Scope denylistPolicy = Config.scope("password-policy", "passwordBlacklist");
        Path directory = denylistDirectory(System.getProperty("keycloak.password.blacklists.path"),
                denylistPolicy.get("blacklistsPath"), dataDirectory());
        Optional<String> missing = missingPiece(directory);
        if (missing.isPresent()) {
            LOG.error(missing.get());
        }
    }

    /** Keycloak's data directory as its Quarkus distribution defines it: {@code data/} under {@code kc.home.dir}. */
    private static String dataDirectory() {
        String home = System.getProperty("kc.home.dir");
        return home == null ? "data" : Path.of(home, "data").toString();
    }

    /** Where Keycloak's denylist policy looks, in its own order: system property, SPI option, the data directory. */
    static Path denylistDirectory(String systemProperty, String spiOption, String dataDirectory) {
        if (systemProperty != null && !systemProperty.isBlank()) {
            return Path.of(systemProperty);
        }
        if (spiOption != null && !spiOption.isBlank()) {
            return Path.of(spiOption);
        }
        return Path.of(dataDirectory, "password-blacklists");
    }

    static Optional<String> missingPiece(Path denylistDirectory) {
        Path denylist = denylistDirectory.resolve(DENYLIST);
        if (Files.isRegularFile(denylist)) {
            return Optional.empty();
        }
        return Optional.of("Customer Auth is installed without its data: " + denylist + " is missing, and Keycloak will"
                + " refuse to start a realm whose password policy names it (the customers realm does). Install the"
                + " whole pack: unzip customer-auth-pack-VERSION.zip into Keycloak's home directory (it holds"
                + " providers" + File.separator + ", conf" + File.separator + " and data" + File.separator
                + "), or run the pack's container image; see docs/deploying.md.");
    }
}
