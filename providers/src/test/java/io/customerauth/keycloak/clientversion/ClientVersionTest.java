package io.customerauth.keycloak.clientversion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientVersionTest {

    @Test
    void parsesMajorMinorPatch() {
        assertThat(ClientVersion.parse("2.10.3")).contains(new ClientVersion(2, 10, 3));
    }

    @Test
    void toleratesSurroundingWhitespaceAsHttpHeadersMayCarryIt() {
        assertThat(ClientVersion.parse(" 2.1.0 ")).contains(new ClientVersion(2, 1, 0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2", "2.1", "2.1.0.4", "v2.1.0", "2.1.0-beta", "2.1.x", "a.b.c", "2..1", ".2.1",
            "-1.0.0", "+1.0.0", "2.1.0\r\nX-Evil: 1", "1234567890.0.0", "99999999999999999999.0.0", "２.１.０",
            "2,1,0", "2.1.0 2.1.0"})
    void refusesAnythingButThreeNumericParts(String garbage) {
        assertThat(ClientVersion.parse(garbage)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2.10.0, 2.9.0",
            "2.1.0, 2.0.9",
            "3.0.0, 2.99.99",
            "2.1.10, 2.1.9",
            "10.0.0, 9.0.0",
            "02.1.0, 1.99.0"})
    void comparesEachPartNumerically(String newer, String older) {
        ClientVersion high = ClientVersion.parse(newer).orElseThrow();
        ClientVersion low = ClientVersion.parse(older).orElseThrow();

        assertThat(low.isOlderThan(high)).isTrue();
        assertThat(high.isOlderThan(low)).isFalse();
    }

    @Test
    void equalVersionsAreNotOlder() {
        assertThat(new ClientVersion(2, 1, 0).isOlderThan(new ClientVersion(2, 1, 0))).isFalse();
        assertThat(ClientVersion.parse("02.01.00")).contains(new ClientVersion(2, 1, 0));
    }

    @Test
    void printsTheCanonicalForm() {
        assertThat(ClientVersion.parse("02.010.0").orElseThrow()).hasToString("2.10.0");
    }
}
