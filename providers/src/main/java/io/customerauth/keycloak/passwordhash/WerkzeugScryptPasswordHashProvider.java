package io.customerauth.keycloak.passwordhash;

import io.customerauth.common.credential.WerkzeugScryptCredential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.bouncycastle.crypto.generators.SCrypt;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * Verifies werkzeug's {@code scrypt:N:r:p$salt$hex} hashes (its default since werkzeug 3): {@code hashlib.scrypt} of
 * the UTF-8 password with the salt string's UTF-8 bytes, compared as hex. The derived-key length is that of the stored
 * digest (werkzeug's is 64 bytes, 128 hex digits). Werkzeug hands {@code hashlib} a {@code maxmem} of
 * {@code 132 * N * r * p} bytes; here N, r and p are bounded by {@link StoredHashCost} before any work, so that a
 * hostile parameter set in the store cannot exhaust the server's heap or CPU.
 */
final class WerkzeugScryptPasswordHashProvider extends LegacyPasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(WerkzeugScryptPasswordHashProvider.class);

    WerkzeugScryptPasswordHashProvider(KeycloakSession session) {
        super(WerkzeugScryptPasswordHashProviderFactory.PROVIDER_ID, session);
    }

    @Override
    boolean matches(String rawPassword, PasswordCredentialModel credential) {
        PasswordCredentialData data = credential.getPasswordCredentialData();
        PasswordSecretData secret = credential.getPasswordSecretData();
        int n = data.getHashIterations();
        int r = Hex.parsePositiveInt(data.getAdditionalParameters().getFirst(WerkzeugScryptCredential.BLOCK_SIZE));
        int p = Hex.parsePositiveInt(data.getAdditionalParameters().getFirst(WerkzeugScryptCredential.PARALLELISM));
        byte[] expected = Hex.decode(secret.getValue());
        if (r < 1 || p < 1 || expected == null || expected.length == 0 || secret.getSalt() == null) {
            LOG.warnf("Stored werkzeug-scrypt credential %s is malformed; the password cannot be verified",
                    credential.getId());
            return false;
        }
        byte[] actual = SCrypt.generate(rawPassword.getBytes(StandardCharsets.UTF_8), secret.getSalt(), n, r, p,
                expected.length);
        return MessageDigest.isEqual(actual, expected);
    }
}
