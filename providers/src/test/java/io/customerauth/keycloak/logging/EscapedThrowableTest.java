package io.customerauth.keycloak.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscapedThrowableTest {

    @Test
    void keepsTheClassNameAndEscapesTheMessage() {
        Throwable copy = EscapedThrowable.of(new IllegalArgumentException("bad email a\r\n[fake][line]"));

        assertThat(copy.toString()).isEqualTo("java.lang.IllegalArgumentException: bad email a\\r\\n[fake][line]");
    }

    @Test
    void keepsTheStackTrace() {
        IllegalStateException original = new IllegalStateException("boom");

        assertThat(EscapedThrowable.of(original).getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void copiesCausesAndSuppressedExceptionsEscapedToo() {
        IllegalStateException original = new IllegalStateException("outer", new RuntimeException("inner\nline"));
        original.addSuppressed(new RuntimeException("suppressed\u001b[2J"));

        Throwable copy = EscapedThrowable.of(original);

        assertThat(copy.getCause()).hasToString("java.lang.RuntimeException: inner\\nline");
        assertThat(copy.getCause().getStackTrace()).isEqualTo(original.getCause().getStackTrace());
        assertThat(copy.getSuppressed()).singleElement()
                .hasToString("java.lang.RuntimeException: suppressed\\u001b[2J");
    }

    @Test
    void survivesACauseCycle() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        Throwable copy = EscapedThrowable.of(first);

        assertThat(copy.getCause()).hasToString("java.lang.RuntimeException: second");
        assertThat(copy.getCause().getCause()).isNull();
    }
}
