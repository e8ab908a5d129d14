package io.customerauth.keycloak.passwordhash;

import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Verifies bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}) with BouncyCastle's {@link OpenBSDBCrypt}, which
 * the Keycloak distribution ships. The whole modular-crypt string is the credential's secret value. As in OpenBSD,
 * libxcrypt and the Python {@code bcrypt} package, only the first 72 bytes of the UTF-8 password count.
 */
final class BcryptPasswordHashProvider extends LegacyPasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(BcryptPasswordHashProvider.class);

    /**
     * Version, two-digit cost 04-31, 22 characters of salt and 31 of hash in bcrypt's base64 alphabet. Costs above
     * {@link HashCostLimits#BCRYPT_MAX_COST} are refused before this format is even looked at.
     */
    static final Pattern FORMAT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    BcryptPasswordHashProvider(KeycloakSession session) {
        super(BcryptPasswordHashProviderFactory.PROVIDER_ID, session);
    }

    @Override
    boolean matches(String rawPassword, PasswordCredentialModel credential) {
        String stored = credential.getPasswordSecretData().getValue();
        if (stored == null || !FORMAT.matcher(stored).matches()) {
            LOG.warnf("Stored bcrypt credential %s is malformed; the password cannot be verified", credential.getId());
            return false;
        }
        return OpenBSDBCrypt.checkPassword(stored, rawPassword.toCharArray());
    }
}
