package io.customerauth.keycloak.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "customer-1@example.test /auth/login/ 127.0.0.1 é ü 日本 😀";

        assertThat(LogText.escape(text)).isSameAs(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(LogText.escape(null)).isNull();
    }

    @Test
    void escapesCarriageReturnAndLineFeedSoOneValueStaysOnOneLine() {
        assertThat(LogText.escape("a\r\n[2024-05-02 22:54:01,404][fake]"))
                .isEqualTo("a\\r\\n[2024-05-02 22:54:01,404][fake]");
    }

    @Test
    void escapesAnsiEscapeSequences() {
        assertThat(LogText.escape("\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
        assertThat(LogText.escape("\u009b31m")).as("the one-character C1 CSI").isEqualTo("\\u009b31m");
    }

    @ParameterizedTest
    @CsvSource({
            "0x09, \\t",
            "0x00, \\u0000",
            "0x07, \\u0007",
            "0x0b, \\u000b",
            "0x0c, \\u000c",
            "0x7f, \\u007f",
            "0x85, \\u0085",
            "0x2028, \\u2028",
            "0x2029, \\u2029",
            "0x202e, \\u202e",
            "0x2066, \\u2066"})
    void escapesEveryOtherControlOrLineBreakingCharacter(String codePoint, String escaped) {
        char raw = (char) Integer.parseInt(codePoint.substring(2), 16);

        assertThat(LogText.escape("x" + raw + "y")).isEqualTo("x" + escaped + "y");
    }

    @Test
    void escapesTheBackslashSoAnEscapeInTheLogAlwaysMeansTheCharacter() {
        assertThat(LogText.escape("a\\nb")).isEqualTo("a\\\\nb");
        assertThat(LogText.escape("a\nb")).isEqualTo("a\\nb");
    }

    @Test
    void aFieldValueAlsoEscapesBracketsSoItCannotEndItsFieldEarly() {
        assertThat(LogText.escapeField("/auth/x][forged]\r\n")).isEqualTo("/auth/x\\u005d\\u005bforged\\u005d\\r\\n");
        assertThat(LogText.escapeField("/auth/login/")).isEqualTo("/auth/login/");
        assertThat(LogText.escapeField(null)).isNull();
    }

    @Test
    void theResultNeverHoldsAControlCharacter() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            every.append(c);
        }

        String escaped = LogText.escape(every);

        assertThat(escaped.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029))
                .isEmpty();
    }
}
