package io.customerauth.common.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HashCostLimitsTest {

    @ParameterizedTest
    @CsvSource({"3, false", "4, true", "12, true", "16, true", "17, false", "31, false", "99, false"})
    void boundsTheBcryptCost(int cost, boolean allowed) {
        assertThat(HashCostLimits.bcrypt(cost).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({
            "32768, 8, 1, true",      // werkzeug's default: 32 MiB
            "2, 1, 1, true",
            "1048576, 1, 2, true",    // 2^20, exactly 256 MiB
            "262144, 8, 1, true",     // 256 MiB
            "262144, 8, 2, false",    // 512 MiB: p counts
            "32768, 8, 9, false",     // 288 MiB
            "32768, 8, 262143, false",
            "2097152, 1, 1, false",   // N above 2^20
            "1, 8, 1, false",
            "1000, 8, 1, false",      // not a power of two
            "1024, 0, 1, false",
            "1024, 8, 0, false",
            "1048576, 2147483647, 2147483647, false", // no overflow
    })
    void boundsScryptsNrAndP(long n, long r, long p, boolean allowed) {
        assertThat(HashCostLimits.scrypt(n, r, p).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void saysWhichScryptBoundABadParameterSetBreaks() {
        assertThat(HashCostLimits.scrypt(32768, 8, 262143))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("scrypt 128*N*r*p"));
        assertThat(HashCostLimits.scrypt(1000, 8, 1))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not a power of two"));
        assertThat(HashCostLimits.scrypt(1024, 8, -1))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 1"));
    }

    @ParameterizedTest
    @CsvSource({"1, 32, true", "5000000, 64, true", "5000001, 32, false", "0, 32, false", "600000, 65, false"})
    void boundsPbkdf2IterationsAndKeyLength(long iterations, long keyBytes, boolean allowed) {
        assertThat(HashCostLimits.pbkdf2(iterations, keyBytes).isEmpty()).isEqualTo(allowed);
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
            "-1, 5, 1, false",
    })
    void boundsArgon2(long memory, long iterations, long parallelism, boolean allowed) {
        assertThat(HashCostLimits.argon2(memory, iterations, parallelism).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void namesTheParameterAndTheLimitInEveryReason() {
        assertThat(HashCostLimits.bcrypt(31)).contains("bcrypt cost 31 is outside 4..16");
        assertThat(HashCostLimits.pbkdf2(600000, 65)).contains("pbkdf2 key of 65 bytes is longer than 64");
        assertThat(HashCostLimits.argon2(7168, 200, 1)).contains("argon2 iterations 200 are outside 1..10");
    }

    @ParameterizedTest
    @CsvSource({"2, 1, 1048576, true", "2, 1, 1048577, false", "1048576, 2, 1, true", "1048576, 2, 2, false"})
    void scryptsMemoryIs128TimesNrAndP(long n, long r, long p, boolean fits) {
        assertThat(HashCostLimits.scryptMemoryFits(n, r, p)).isEqualTo(fits);
    }
}
