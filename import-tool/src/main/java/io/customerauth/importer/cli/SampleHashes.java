package io.customerauth.importer.cli;

import java.util.List;

/**
 * Password hashes of documented test passwords, one per supported format, made by the real libraries (libxcrypt's
 * bcrypt, Python's hashlib exactly as werkzeug 3 calls it, BouncyCastle's argon2id, which reproduces the reference
 * implementation's vectors). The sample file and the generator use them; import-tool/samples/README.md lists them.
 */
public final class SampleHashes {

    /** A format, its hash, and the password that hash verifies. */
    public record Sample(String format, String hash, String password) {
    }

    public static final Sample BCRYPT = new Sample("bcrypt",
            "$2b$10$Jq0sT2lYqPz4aW6bXc8dE.44GEwh65xeI9293746CEtRtqHJ59fzy", "Bcrypt-Secret-1");
    public static final Sample WERKZEUG_SCRYPT = new Sample("werkzeug-scrypt",
            "scrypt:32768:8:1$k3QmZ8rT1vW5yB7n$637eb75b97bfc82e3d5e742922b7f4c848e4be7d142c61a5cb2646c507e38c9c"
                    + "29be48d03fcc56b132fd3a2250bd2bf487e4deb1e418bc14116ce80beab823ab", "Scrypt-Secret-1");
    public static final Sample WERKZEUG_PBKDF2 = new Sample("werkzeug-pbkdf2",
            "pbkdf2:sha256:600000$Hq5Lw2Xe9Rt4Uy7I$fc34942e6a779d52945d1654ed2e71a993bcbb7e1380d0f645b6e39824284050",
            "Pbkdf2-Secret-1");
    public static final Sample ARGON2ID = new Sample("argon2id",
            "$argon2id$v=19$m=65536,t=3,p=4$Q3U1dDBtM3JTNGx0VjRsdQ$SPwZz4nujKmncvWBgMMi799nK7mdCFwXRKTul3fH8ko",
            "Argon2-Secret-1");

    public static final List<Sample> ALL = List.of(BCRYPT, WERKZEUG_SCRYPT, WERKZEUG_PBKDF2, ARGON2ID);

    private SampleHashes() {
    }
}
