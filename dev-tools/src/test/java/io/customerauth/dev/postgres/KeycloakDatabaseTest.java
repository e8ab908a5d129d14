package io.customerauth.dev.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeycloakDatabaseTest {

    @Test
    void quotesNamesAndPasswordsSoTheyCannotEndTheStatement() {
        assertThat(KeycloakDatabase.identifier("keycloak")).isEqualTo("\"keycloak\"");
        assertThat(KeycloakDatabase.identifier("a\"; DROP DATABASE x; --")).isEqualTo("\"a\"\"; DROP DATABASE x; --\"");
        assertThat(KeycloakDatabase.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void refusesNulCharacters() {
        assertThatThrownBy(() -> KeycloakDatabase.literal("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
