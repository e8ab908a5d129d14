package io.customerauth.keycloak.passwordhash;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

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
 * werkzeug does. The iterations and the key length are bounded by {@link HashCostLimits}.
 */
final class WerkzeugPbkdf2PasswordHashProvider extends LegacyPasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(WerkzeugPbkdf2PasswordHashProvider.class);

    static final String HASH_ALGORITHM = "hashAlgorithm";

    /** werkzeug's {@code hashlib} names to JCA algorithms. */
    static final Map<String, String> JCA_ALGORITHMS = Map.of(
            "sha1", "PBKDF2WithHmacSHA1",
            "sha224", "PBKDF2WithHmacSHA224",
            "sha256", "PBKDF2WithHmacSHA256",
            "sha384", "PBKDF2WithHmacSHA384",
            "sha512", "PBKDF2WithHmacSHA512");

    WerkzeugPbkdf2PasswordHashProvider(KeycloakSession session) {
        super(WerkzeugPbkdf2PasswordHashProviderFactory.PROVIDER_ID, session);
    }

    @Override
    boolean matches(String rawPassword, PasswordCredentialModel credential) {
        PasswordCredentialData data = credential.getPasswordCredentialData();
        PasswordSecretData secret = credential.getPasswordSecretData();
        String hashName = data.getAdditionalParameters().getFirst(HASH_ALGORITHM);
        String jcaAlgorithm = hashName == null ? null : JCA_ALGORITHMS.get(hashName.toLowerCase(Locale.ROOT));
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
