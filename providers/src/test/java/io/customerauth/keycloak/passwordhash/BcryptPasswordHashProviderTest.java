package io.customerauth.keycloak.passwordhash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Known vectors: the $2a$ ones are the published crypt_blowfish (OpenBSD / Openwall) and jBCrypt test vectors; the
 * $2b$/$2y$ ones were produced by libxcrypt ({@code crypt(3)} through Python's {@code crypt} module), which also
 * reproduces every published vector here.
 */
class BcryptPasswordHashProviderTest {

    private final BcryptPasswordHashProvider provider = new BcryptPasswordHashProvider(null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "U*U                        | $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "U*U*                       | $2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK",
            "U*U*U                      | $2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a",
            "a                          | $2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe",
            "abc                        | $2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
            "abcdefghijklmnopqrstuvwxyz | $2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC",
            "'~!@#$%^&*()      ~!@#$%^&*()PNBFRD' | $2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO",
            "correct horse battery staple | $2b$05$R9h/cIPz0gi.URNNX3kh2Ob34rDVGIBdw4DKfEouQwQtWNey4dqDW",
            "correct horse battery staple | $2y$05$R9h/cIPz0gi.URNNX3kh2Ob34rDVGIBdw4DKfEouQwQtWNey4dqDW",
            "pässwörd-ünïcode           | $2b$05$abcdefghijklmnopqrstuudJWRvdZAcm4E4FcCNJ3ny0.xONimgES",
            "Customer-Pass-1            | $2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi",
    })
    void verifiesTheRightPassword(String password, String hash) {
        assertThat(provider.verify(password, StoredCredentials.bcrypt(hash))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "U*V                        | $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "u*u                        | $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "correct horse battery stapl | $2b$05$R9h/cIPz0gi.URNNX3kh2Ob34rDVGIBdw4DKfEouQwQtWNey4dqDW",
            "passwörd-ünïcode           | $2b$05$abcdefghijklmnopqrstuudJWRvdZAcm4E4FcCNJ3ny0.xONimgES",
            "Customer-Pass-2            | $2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi",
    })
    void rejectsAWrongPassword(String password, String hash) {
        assertThat(provider.verify(password, StoredCredentials.bcrypt(hash))).isFalse();
    }

    @Test
    void ignoresEverythingAfterTheFirst72Bytes() {
        String hash = "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";
        String first72 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

        assertThat(provider.verify(first72 + "chars after 72 are ignored", StoredCredentials.bcrypt(hash))).isTrue();
        assertThat(provider.verify(first72, StoredCredentials.bcrypt(hash))).isTrue();
        assertThat(provider.verify(first72.substring(0, 71), StoredCredentials.bcrypt(hash))).isFalse();
    }

    @Test
    void verifiesTheEmptyPasswordOnlyAgainstItsOwnHash() {
        String emptyHash = "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.";

        assertThat(provider.verify("", StoredCredentials.bcrypt(emptyHash))).isTrue();
        assertThat(provider.verify(" ", StoredCredentials.bcrypt(emptyHash))).isFalse();
    }

    @Test
    void refusesAMalformedStoredHashInsteadOfThrowing() {
        String truncated = "$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJ";
        String unknownVersion = "$2x$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi";

        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.bcrypt(truncated))).isFalse();
        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.bcrypt(unknownVersion))).isFalse();
    }

    @Test
    void refusesACredentialOfAnotherAlgorithm() {
        var argon2 = StoredCredentials.fromJson("{\"hashIterations\":10,\"algorithm\":\"argon2\"}",
                "{\"value\":\"$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi\"}");

        assertThat(provider.verify("Customer-Pass-1", argon2)).isFalse();
    }
}
