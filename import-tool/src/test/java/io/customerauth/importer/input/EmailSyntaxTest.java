package io.customerauth.importer.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "alice@example.com",
            "alice.martin@example.co.uk",
            "alice+newsletter@example.com",
            "o'brien@example.ie",
            "a_b-c!#$%&*/=?^`{|}~@example.com",
            "x@sub-domain.example.museum",
            "chloe@exämple.fr",
            "user@xn--exmple-cua.fr",
            "1234567890123456789012345678901234567890123456789012345678901234@example.com"})
    void acceptsOrdinaryAddresses(String email) {
        assertThat(EmailSyntax.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "alice",
            "alice@",
            "@example.com",
            "alice@localhost",
            "alice@@example.com",
            "alice@exa mple.com",
            "alice smith@example.com",
            "alice..martin@example.com",
            ".alice@example.com",
            "alice.@example.com",
            "\"alice\"@example.com",
            "alice@[192.168.0.1]",
            "alice@-example.com",
            "alice@example-.com",
            "alice@example.c",
            "alice@example.123",
            "alice@example..com",
            "alice@example.com.",
            "chloé@example.fr",
            "12345678901234567890123456789012345678901234567890123456789012345@example.com"})
    void rejectsAnythingElse(String email) {
        assertThat(EmailSyntax.isValid(email)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {254, 255})
    void limitsTheWholeAddressTo254Characters(int length) {
        String label = "x".repeat(63);
        String domain = label + "." + label + "." + label + ".com";
        String email = "a".repeat(length - 1 - domain.length()) + "@" + domain;

        assertThat(email).hasSize(length);
        assertThat(EmailSyntax.isValid(email)).isEqualTo(length <= 254);
    }
}
