package io.customerauth.importer.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The keys (emails, customer ids) already accepted from the file, with the index of the record that brought each:
 * an open-addressing table of 64-bit key fingerprints (the first 8 bytes of SHA-256) and {@code int} indexes, so a
 * million records cost 24 MB per kind of key instead of a million strings. Two different keys share a
 * fingerprint with a probability of about 3e-8 for a million keys.
 */
final class SeenKeys {

    private static final long EMPTY = 0L;

    private final MessageDigest sha256;
    private long[] fingerprints = new long[1024];
    private int[] indexes = new int[1024];
    private int size;

    SeenKeys() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The index of the record that brought {@code key} earlier, or -1 after remembering it for {@code index}.
     */
    long putIfAbsent(String key, long index) {
        long fingerprint = fingerprint(key);
        int slot = find(fingerprints, fingerprint);
        if (fingerprints[slot] == fingerprint) {
            return indexes[slot];
        }
        fingerprints[slot] = fingerprint;
        indexes[slot] = (int) Math.min(index, Integer.MAX_VALUE);
        if (++size * 2 > fingerprints.length) {
            grow();
        }
        return -1;
    }

    /** Whether {@code key} was remembered (up to a fingerprint collision, see above). */
    boolean contains(String key) {
        long fingerprint = fingerprint(key);
        return fingerprints[find(fingerprints, fingerprint)] == fingerprint;
    }

    int size() {
        return size;
    }

    private long fingerprint(String key) {
        byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        long fingerprint = 0;
        for (int i = 0; i < 8; i++) {
            fingerprint = fingerprint << 8 | (digest[i] & 0xff);
        }
        return fingerprint == EMPTY ? 1 : fingerprint;
    }

    private static int find(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int slot = (int) (fingerprint ^ fingerprint >>> 32) & mask;
        while (table[slot] != EMPTY && table[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldIndexes = indexes;
        fingerprints = new long[oldFingerprints.length * 2];
        indexes = new int[oldIndexes.length * 2];
        for (int i = 0; i < oldFingerprints.length; i++) {
            if (oldFingerprints[i] != EMPTY) {
                int slot = find(fingerprints, oldFingerprints[i]);
                fingerprints[slot] = oldFingerprints[i];
                indexes[slot] = oldIndexes[i];
            }
        }
    }
}
