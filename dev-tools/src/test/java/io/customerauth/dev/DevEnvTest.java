package io.customerauth.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DevEnvTest {

    @Test
    void readsPortsWithDefaults() {
        DevEnv env = new DevEnv(Map.of("SMTP_PORT", " 2525 ", "BLANK", ""));

        assertThat(env.port("SMTP_PORT", 1025)).isEqualTo(2525);
        assertThat(env.port("BLANK", 1080)).isEqualTo(1080);
        assertThat(env.port("MISSING", 5433)).isEqualTo(5433);
    }

    @Test
    void rejectsAPortOutOfRangeNamingTheVariable() {
        DevEnv env = new DevEnv(Map.of("SMTP_PORT", "70000"));

        assertThatThrownBy(() -> env.port("SMTP_PORT", 1025)).hasMessageContaining("SMTP_PORT");
    }
}
