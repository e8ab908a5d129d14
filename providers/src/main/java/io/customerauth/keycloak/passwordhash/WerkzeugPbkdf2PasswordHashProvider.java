package io.customerauth.keycloak.passwordhash;

import io.customerauth.common.credential.WerkzeugPbkdf2Credential;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * Verifies werkzeug's {@code pbkdf2:<hash>:N$salt$hex} hashes: {@code hashlib.pbkdf2_hmac} of the UTF-8 password with
 * the salt string's UTF-8 bytes, compared as hex. The derived-key length is that of the stored digest (werkzeug's is
 * the hash's digest size: 32 bytes, 64 hex digits, for sha256). The JDK's PBKDF2 encodes the password as UTF-8, as
 * werkzeug does. The iterations and the key length are bounded by {@link StoredHashCost}.
 */
final class WerkzeugPbkdf2PasswordHashProvider extends LegacyPasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(WerkzeugPbkdf2PasswordHashProvider.class);

    WerkzeugPbkdf2PasswordHashProvider(KeycloakSession session) {
        super(WerkzeugPbkdf2PasswordHashProviderFactory.PROVIDER_ID, session);
    }

    /** The JCA name of werkzeug's {@code hashlib} digest ({@code sha256}: {@code PBKDF2WithHmacSHA256}), or null. */
    static String jcaAlgorithm(String hashName) {
        String digest = hashName == null ? null : hashName.toLowerCase(Locale.ROOT);
        return WerkzeugPbkdf2Credential.DIGESTS.contains(digest) ? "PBKDF2WithHmac" + digest.toUpperCase(Locale.ROOT)
                : null;
    }

    @Override
    boolean matches(String rawPassword, PasswordCredentialModel credential) {
        PasswordCredentialData data = credential.getPasswordCredentialData();
        PasswordSecretData secret = credential.getPasswordSecretData();
        String hashName = data.getAdditionalParameters().getFirst(WerkzeugPbkdf2Credential.HASH_ALGORITHM);
        String jcaAlgorithm = jcaAlgorithm(hashName);
        int iterations = data.getHashIterations();
        byte[] expected = Hex.decode(secret.getValue());
        if (jcaAlgorithm == null || iterations < 1 || expected == null
                || expected.length == 0 || secret.getSalt() == null || secret.getSalt().length == 0
                || rawPassword.isEmpty()) {
            if (!rawPassword.isEmpty()) {
                LOG.warnf("Stored werkzeug-pbkdf2 credential %s is malformed; the password cannot be verified",
                        credential.getId());
            }
            return false;
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(rawPassword.toCharArray(), secret.getSalt(), iterations,
                    expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance(jcaAlgorithm).generateSecret(spec).getEncoded();
            spec.clearPassword();
            return MessageDigest.isEqual(actual, expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available: " + jcaAlgorithm, e);
        }
    }
}
