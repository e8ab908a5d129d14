package io.customerauth.keycloak.resetcode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A salted SHA-256 of a verification code. A code is a random UUID (122 bits), so a fast hash is enough to make the
 * stored value useless to whoever reads the cache; the salt keeps equal codes from having equal hashes.
 */
final class ResetCodeHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResetCodeHash() {
    }

    static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    static String of(String code, String salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Base64.getDecoder().decode(salt));
            return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Constant-time, so a wrong code's answer time says nothing about how close it was. */
    static boolean matches(String code, String salt, String expectedHash) {
        if (code == null || salt == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(of(code, salt).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
