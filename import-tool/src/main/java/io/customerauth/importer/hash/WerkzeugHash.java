package io.customerauth.importer.hash;

import io.customerauth.common.credential.HashCostLimits;
import io.customerauth.common.credential.WerkzeugPbkdf2Credential;
import io.customerauth.common.credential.WerkzeugScryptCredential;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * werkzeug's {@code method$salt$hexdigest}. The salt is kept as its literal UTF-8 bytes (werkzeug never decodes it)
 * and the hex digest as it is. The cost limits are {@link HashCostLimits}, the pack's providers' own, so nothing is
 * imported that cannot be verified at login. The credentials are the shapes the common module describes.
 */
final class WerkzeugHash {

    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}){16,128}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private WerkzeugHash() {
    }

    static ImportedCredential scrypt(String hash) throws UnsupportedHashException {
        String[] parts = split(hash, "scrypt");
        String[] method = parts[0].split(":", -1);
        if (method.length != 4) {
            throw new UnsupportedHashException("werkzeug scrypt hash must name its parameters (scrypt:N:r:p)");
        }
        int n = number(method[1], "scrypt N", HashCostLimits.SCRYPT_MIN_N);
        int r = number(method[2], "scrypt r", HashCostLimits.SCRYPT_MIN_R);
        int p = number(method[3], "scrypt p", HashCostLimits.SCRYPT_MIN_P);
        if (n > HashCostLimits.SCRYPT_MAX_N || (n & (n - 1)) != 0) {
            throw new UnsupportedHashException("scrypt N must be a power of two from " + HashCostLimits.SCRYPT_MIN_N
                    + " to " + HashCostLimits.SCRYPT_MAX_N);
        }
        if (!HashCostLimits.scryptMemoryFits(n, r, p)) {
            throw new UnsupportedHashException("scrypt parameters need more than "
                    + HashCostLimits.SCRYPT_MAX_BYTES / (1024 * 1024) + " MiB per login (128 * N * r * p)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(WerkzeugScryptCredential.BLOCK_SIZE, Integer.toString(r));
        parameters.put(WerkzeugScryptCredential.PARALLELISM, Integer.toString(p));
        return CredentialJson.credential(WerkzeugScryptCredential.ALGORITHM, n, parameters,
                parts[2].toLowerCase(Locale.ROOT), parts[1].getBytes(StandardCharsets.UTF_8));
    }

    static ImportedCredential pbkdf2(String hash) throws UnsupportedHashException {
        String[] parts = split(hash, "pbkdf2");
        String[] method = parts[0].split(":", -1);
        if (method.length != 3) {
            throw new UnsupportedHashException("werkzeug pbkdf2 hash must name its digest and iterations "
                    + "(pbkdf2:sha256:N)");
        }
        String digest = method[1].toLowerCase(Locale.ROOT);
        if (!WerkzeugPbkdf2Credential.DIGESTS.contains(digest)) {
            throw new UnsupportedHashException("unsupported pbkdf2 digest (expected sha1, sha224, sha256, sha384 "
                    + "or sha512)");
        }
        int iterations = number(method[2], "pbkdf2 iterations", HashCostLimits.PBKDF2_MIN_ITERATIONS);
        if (iterations > HashCostLimits.PBKDF2_MAX_ITERATIONS) {
            throw new UnsupportedHashException(String.format(Locale.ROOT, "pbkdf2 iterations above %,d",
                    HashCostLimits.PBKDF2_MAX_ITERATIONS));
        }
        if (parts[2].length() / 2 > HashCostLimits.PBKDF2_MAX_KEY_BYTES) {
            throw new UnsupportedHashException("pbkdf2 digest longer than " + HashCostLimits.PBKDF2_MAX_KEY_BYTES
                    + " bytes");
        }
        return CredentialJson.credential(WerkzeugPbkdf2Credential.ALGORITHM, iterations,
                Map.of(WerkzeugPbkdf2Credential.HASH_ALGORITHM, digest),
                parts[2].toLowerCase(Locale.ROOT), parts[1].getBytes(StandardCharsets.UTF_8));
    }

    /** method, salt, hex digest; the salt may not be empty, the digest must be 16 to 128 bytes of hex. */
    private static String[] split(String hash, String name) throws UnsupportedHashException {
        String[] parts = hash.split("\\$", -1);
        if (parts.length != 3) {
            throw new UnsupportedHashException("malformed werkzeug " + name + " hash (expected method$salt$hex)");
        }
        if (parts[1].isEmpty()) {
            throw new UnsupportedHashException("werkzeug " + name + " hash has an empty salt");
        }
        if (!HEX.matcher(parts[2]).matches()) {
            throw new UnsupportedHashException("werkzeug " + name + " digest is not 32 to 256 hex digits");
        }
        return parts;
    }

    private static int number(String text, String what, int min) throws UnsupportedHashException {
        if (!NUMBER.matcher(text).matches() || Integer.parseInt(text) < min) {
            throw new UnsupportedHashException(what + " must be an integer of at least " + min);
        }
        return Integer.parseInt(text);
    }
}
