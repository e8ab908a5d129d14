package io.customerauth.importer.hash;

import io.customerauth.common.credential.HashCostLimits;
import io.customerauth.common.credential.Argon2Credential;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An argon2 PHC string ({@code $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>}, unpadded standard base64) as
 * Keycloak's own {@code argon2} credential: credentialData {@code hashIterations} = t and additionalParameters
 * {@code type}, {@code version}, {@code memory} (KiB), {@code parallelism}, {@code hashLength} (bytes); secretData
 * {@code value} = base64 of the hash (padded, as Keycloak writes it) and {@code salt} = base64 of the salt.
 */
final class Argon2PhcHash {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2(id|i|d)(?:\\$v=(\\d{1,3}))?\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private Argon2PhcHash() {
    }

    static ImportedCredential toCredential(String hash) throws UnsupportedHashException {
        Matcher matcher = FORMAT.matcher(hash);
        if (!matcher.matches()) {
            throw new UnsupportedHashException("malformed argon2 PHC string (expected "
                    + "$argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<base64 salt>$<base64 hash>)");
        }
        String version = version(matcher.group(2));
        int memory = Integer.parseInt(matcher.group(3));
        int iterations = Integer.parseInt(matcher.group(4));
        int parallelism = Integer.parseInt(matcher.group(5));
        byte[] salt = decode(matcher.group(6), "salt");
        byte[] digest = decode(matcher.group(7), "hash");
        if (parallelism < HashCostLimits.ARGON2_MIN_PARALLELISM || iterations < HashCostLimits.ARGON2_MIN_ITERATIONS
                || memory < 8 * parallelism) {
            throw new UnsupportedHashException("argon2 parameters out of range (t >= 1, p >= 1, m >= 8 * p)");
        }
        if (memory > HashCostLimits.ARGON2_MAX_MEMORY_KIB) {
            throw new UnsupportedHashException("argon2 memory above " + HashCostLimits.ARGON2_MAX_MEMORY_KIB / 1024
                    + " MiB per login (m=" + HashCostLimits.ARGON2_MAX_MEMORY_KIB + " KiB)");
        }
        if (iterations > HashCostLimits.ARGON2_MAX_ITERATIONS) {
            throw new UnsupportedHashException("argon2 iterations above " + HashCostLimits.ARGON2_MAX_ITERATIONS
                    + " (t)");
        }
        if (parallelism > HashCostLimits.ARGON2_MAX_PARALLELISM) {
            throw new UnsupportedHashException("argon2 parallelism above " + HashCostLimits.ARGON2_MAX_PARALLELISM
                    + " (p)");
        }
        if (salt.length < 8 || digest.length < 4) {
            throw new UnsupportedHashException("argon2 salt shorter than 8 bytes or hash shorter than 4 bytes");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Argon2Credential.HASH_LENGTH, Integer.toString(digest.length));
        parameters.put(Argon2Credential.MEMORY, Integer.toString(memory));
        parameters.put(Argon2Credential.TYPE, matcher.group(1));
        parameters.put(Argon2Credential.VERSION, version);
        parameters.put(Argon2Credential.PARALLELISM, Integer.toString(parallelism));
        return CredentialJson.credential(Argon2Credential.ALGORITHM, iterations, parameters,
                Base64.getEncoder().encodeToString(digest), salt);
    }

    /** PHC's v=19 is argon2 1.3, v=16 (or no v at all) is 1.0: the two versions Keycloak knows. */
    private static String version(String v) throws UnsupportedHashException {
        if (v == null || v.equals("16")) {
            return "1.0";
        }
        if (v.equals("19")) {
            return "1.3";
        }
        throw new UnsupportedHashException("unsupported argon2 version (expected v=19 or v=16)");
    }

    private static byte[] decode(String base64, String what) throws UnsupportedHashException {
        if (base64.length() % 4 == 1) {
            throw new UnsupportedHashException("argon2 " + what + " is not valid base64");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedHashException("argon2 " + what + " is not valid base64");
        }
    }
}
