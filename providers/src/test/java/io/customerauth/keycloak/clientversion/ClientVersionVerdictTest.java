package io.customerauth.keycloak.clientversion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientVersionVerdictTest {

    private static final ClientVersion MINIMUM = new ClientVersion(2, 1, 0);

    @ParameterizedTest
    @CsvSource(value = {
            "2.1.0 | ACCEPTED | 200",
            "2.10.0 | ACCEPTED | 200",
            "3.0.0 | ACCEPTED | 200",
            "2.0.9 | TOO_OLD | 426",
            "1.99.99 | TOO_OLD | 426",
            "NULL | MISSING | 400",
            "'' | MISSING | 400",
            "'   ' | MISSING | 400",
            "2.1 | MALFORMED | 400",
            "latest | MALFORMED | 400"}, delimiter = '|', nullValues = "NULL")
    void decidesEveryHeaderValue(String header, ClientVersionVerdict expected, int status) {
        ClientVersionVerdict verdict = ClientVersionVerdict.of(header, MINIMUM);

        assertThat(verdict).isEqualTo(expected);
        assertThat(verdict.status()).isEqualTo(status);
    }
}
