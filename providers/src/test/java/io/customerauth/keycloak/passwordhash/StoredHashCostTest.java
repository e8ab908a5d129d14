package io.customerauth.keycloak.passwordhash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.credential.PasswordCredentialModel;

/** Reading a stored credential's cost; the limits themselves are tested in the common module. */
class StoredHashCostTest {

    private static final String BCRYPT_10 = "$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi";

    @ParameterizedTest
    @CsvSource({"3, false", "4, true", "12, true", "16, true", "17, false", "31, false", "99, false"})
    void boundsTheBcryptCost(int cost, boolean allowed) {
        String hash = BCRYPT_10.replace("$10$", "$" + String.format("%02d", cost) + "$");

        assertThat(StoredHashCost.exceeded(StoredCredentials.bcrypt(hash)).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void readsTheBcryptCostFromTheHashNotFromTheIterationsBesideIt() {
        PasswordCredentialModel lying = StoredCredentials.fromJson(
                "{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}",
                "{\"value\":\"" + BCRYPT_10.replace("$10$", "$31$") + "\",\"additionalParameters\":{}}");

        assertThat(StoredHashCost.exceeded(lying)).contains("bcrypt cost 31 is outside 4..16");
    }

    @Test
    void readsScryptsParametersFromTheStoredCredential() {
        String hash = "scrypt:32768:8:%s$salt$" + "ab".repeat(64);

        assertThat(StoredHashCost.exceeded(StoredCredentials.werkzeugScrypt(hash.formatted("1")))).isEmpty();
        assertThat(StoredHashCost.exceeded(StoredCredentials.werkzeugScrypt(hash.formatted("262143"))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("scrypt 128*N*r*p"));
        assertThat(StoredHashCost.exceeded(StoredCredentials.werkzeugScrypt(hash.formatted("x"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 1"));
    }

    @ParameterizedTest
    @CsvSource({"1, true", "600000, true", "5000000, true", "5000001, false", "0, false", "-1, false"})
    void boundsPbkdf2Iterations(int iterations, boolean allowed) {
        String werkzeug = "pbkdf2:sha256:" + iterations + "$salt$" + "ab".repeat(32);
        String keycloak = "{\"hashIterations\":" + iterations + ",\"algorithm\":\"pbkdf2-sha256\","
                + "\"additionalParameters\":{}}";

        assertThat(StoredHashCost.exceeded(StoredCredentials.werkzeugPbkdf2(werkzeug)).isEmpty()).isEqualTo(allowed);
        assertThat(StoredHashCost.exceeded(StoredCredentials.fromJson(keycloak,
                "{\"value\":\"" + "A".repeat(44) + "\",\"salt\":\"c2FsdA==\"}")).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void boundsThePbkdf2KeyLengthSinceEveryBlockCostsAllIterationsAgain() {
        String sha512 = "pbkdf2:sha512:600000$salt$" + "ab".repeat(64);
        String longer = "pbkdf2:sha512:600000$salt$" + "ab".repeat(65);
        String keycloak = "{\"hashIterations\":27500,\"algorithm\":\"pbkdf2\",\"additionalParameters\":{}}";

        assertThat(StoredHashCost.exceeded(StoredCredentials.werkzeugPbkdf2(sha512))).isEmpty();
        assertThat(StoredHashCost.exceeded(StoredCredentials.werkzeugPbkdf2(longer)))
                .contains("pbkdf2 key of 65 bytes is longer than 64");
        assertThat(StoredHashCost.exceeded(StoredCredentials.fromJson(keycloak,
                "{\"value\":\"" + "A".repeat(86) + "==\",\"salt\":\"c2FsdA==\"}"))).isEmpty();
        assertThat(StoredHashCost.exceeded(StoredCredentials.fromJson(keycloak,
                "{\"value\":\"" + "A".repeat(4000) + "\",\"salt\":\"c2FsdA==\"}"))).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
            "7168, 5, 1, true",       // Keycloak's default
            "262144, 10, 16, true",
            "262145, 1, 1, false",
            "1048576, 9999, 1, false",
            "7168, 11, 1, false",
            "7168, 5, 17, false",
            "7168, 0, 1, false",
    })
    void boundsArgon2(int memory, int iterations, int parallelism, boolean allowed) {
        assertThat(StoredHashCost.exceeded(argon2(memory, iterations, parallelism, 32, 32)).isEmpty())
                .isEqualTo(allowed);
    }

    @Test
    void refusesAnArgon2HashLengthOtherThanTheStoredHashs() {
        assertThat(StoredHashCost.exceeded(argon2(7168, 5, 1, 2_000_000_000, 32)))
                .contains("argon2 hashLength 2000000000 is not the stored hash's 32 bytes");
        assertThat(StoredHashCost.exceeded(argon2(7168, 5, 1, 64, 64))).isEmpty();
    }

    @Test
    void refusesArgon2ParametersItCannotRead() {
        PasswordCredentialModel noMemory = StoredCredentials.fromJson(
                "{\"hashIterations\":5,\"algorithm\":\"argon2\",\"additionalParameters\":{\"parallelism\":[\"1\"]}}",
                "{\"value\":\"" + "A".repeat(44) + "\",\"salt\":\"c2FsdA==\"}");

        assertThat(StoredHashCost.exceeded(noMemory)).hasValueSatisfying(r -> assertThat(r).contains("memory -1"));
    }

    @Test
    void leavesOtherAlgorithmsAlone() {
        PasswordCredentialModel other = StoredCredentials.fromJson(
                "{\"hashIterations\":999999999,\"algorithm\":\"md5\",\"additionalParameters\":{}}",
                "{\"value\":\"x\"}");

        assertThat(StoredHashCost.exceeded(other)).isEmpty();
    }

    @Test
    void neverPutsTheStoredHashInTheReason() {
        String hash = BCRYPT_10.replace("$10$", "$31$");

        assertThat(StoredHashCost.exceeded(StoredCredentials.bcrypt(hash)).orElseThrow())
                .doesNotContain(hash.substring(7));
    }

    static PasswordCredentialModel argon2(int memory, int iterations, int parallelism, int hashLength,
                                          int storedBytes) {
        String value = java.util.Base64.getEncoder().encodeToString(new byte[storedBytes]);
        return StoredCredentials.fromJson("{\"hashIterations\":" + iterations + ",\"algorithm\":\"argon2\","
                        + "\"additionalParameters\":{\"hashLength\":[\"" + hashLength + "\"],\"memory\":[\"" + memory
                        + "\"],\"type\":[\"id\"],\"version\":[\"1.3\"],\"parallelism\":[\"" + parallelism + "\"]}}",
                "{\"value\":\"" + value + "\",\"salt\":\"c2FsdHNhbHRzYWx0c2FsdA==\",\"additionalParameters\":{}}");
    }
}
