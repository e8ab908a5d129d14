package io.customerauth.keycloak.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSettingsTest {

    private static final String PREFIX = "customer-auth-test.spi.auth.";

    @AfterEach
    void forget() {
        System.clearProperty(PREFIX + ApiSettings.CLIENT_ID);
        System.clearProperty(PREFIX + ApiSettings.DOCS);
    }

    @Test
    void withoutOptionsTheApiServesCustomerApp() {
        assertThat(ApiSettings.from(new Config.SystemPropertiesScope(PREFIX)).clientId()).isEqualTo("customer-app");
        assertThat(ApiSettings.from(null)).isEqualTo(ApiSettings.DEFAULTS);
    }

    @Test
    void theClientIdOptionNamesAnotherClient() {
        System.setProperty(PREFIX + ApiSettings.CLIENT_ID, " shop-app ");

        assertThat(ApiSettings.from(new Config.SystemPropertiesScope(PREFIX)).clientId()).isEqualTo("shop-app");
    }

    @Test
    void theApiPageIsOffUnlessTheServerTurnsItOn() {
        assertThat(ApiSettings.from(new Config.SystemPropertiesScope(PREFIX)).docsEnabled()).isFalse();
        assertThat(ApiSettings.DEFAULTS.docsEnabled()).isFalse();

        System.setProperty(PREFIX + ApiSettings.DOCS, "true");

        assertThat(ApiSettings.from(new Config.SystemPropertiesScope(PREFIX)).docsEnabled()).isTrue();
    }
}
