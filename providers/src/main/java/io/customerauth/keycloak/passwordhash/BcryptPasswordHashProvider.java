package io.customerauth.keycloak.passwordhash;

import io.customerauth.common.credential.BcryptCredential;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Verifies bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}) with BouncyCastle's {@link OpenBSDBCrypt}, which
 * the Keycloak distribution ships. The whole modular-crypt string is the credential's secret value. As in OpenBSD,
 * libxcrypt and the Python {@code bcrypt} package, only the first 72 bytes of the UTF-8 password count. A cost outside
 * the hash cost limits is refused before the format is even looked at.
 */
final class BcryptPasswordHashProvider extends LegacyPasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(BcryptPasswordHashProvider.class);

    BcryptPasswordHashProvider(KeycloakSession session) {
        super(BcryptPasswordHashProviderFactory.PROVIDER_ID, session);
    }

    @Override
    boolean matches(String rawPassword, PasswordCredentialModel credential) {
        String stored = credential.getPasswordSecretData().getValue();
        if (stored == null || !BcryptCredential.MODULAR_CRYPT.matcher(stored).matches()) {
            LOG.warnf("Stored bcrypt credential %s is malformed; the password cannot be verified", credential.getId());
            return false;
        }
        return OpenBSDBCrypt.checkPassword(stored, rawPassword.toCharArray());
    }
}
