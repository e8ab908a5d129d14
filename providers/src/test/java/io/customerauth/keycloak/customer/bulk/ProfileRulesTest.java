package io.customerauth.keycloak.customer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.validate.validators.EmailValidator;
import org.keycloak.validate.validators.LengthValidator;

class ProfileRulesTest {

    private static final String SERVER_LIMIT = "keycloak.user-profile.declarative-user-profile.max-email-local-part-length";

    @BeforeEach
    void serverConfiguration() {
        Config.init(new Config.SystemPropertiesConfigProvider());
    }

    @AfterEach
    void forgetServerLimit() {
        System.clearProperty(SERVER_LIMIT);
    }

    @Test
    void anEmailCheckWithoutItsOwnLimitCarriesTheServersLimitReadOnce() {
        System.setProperty(SERVER_LIMIT, "40");

        Map<String, Object> config = ProfileRules.withServerDefaults(EmailValidator.ID, Map.of());

        assertThat(config).containsEntry(EmailValidator.MAX_LOCAL_PART_LENGTH_PROPERTY, 40);
    }

    @Test
    void anEmailCheckWithoutAnyLimitConfiguredCarriesKeycloaksDefault() {
        Map<String, Object> config = ProfileRules.withServerDefaults(EmailValidator.ID, Map.of());

        assertThat(config).containsEntry(EmailValidator.MAX_LOCAL_PART_LENGTH_PROPERTY, 64);
    }

    @Test
    void anEmailChecksOwnLimitAndOtherChecksAreLeftAsConfigured() {
        System.setProperty(SERVER_LIMIT, "40");
        Map<String, Object> own = Map.of(EmailValidator.MAX_LOCAL_PART_LENGTH_PROPERTY, "20");
        Map<String, Object> length = Map.of("max", "255");

        assertThat(ProfileRules.withServerDefaults(EmailValidator.ID, own)).isEqualTo(own);
        assertThat(ProfileRules.withServerDefaults(LengthValidator.ID, length)).isEqualTo(length);
    }
}
