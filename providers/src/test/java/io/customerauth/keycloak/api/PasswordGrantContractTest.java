package io.customerauth.keycloak.api;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.services.cors.Cors;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What the JSON login relies on in Keycloak's private SPI ({@link PasswordLogin.JsonLoginContext}): if a Keycloak
 * upgrade moves any of it, this test names what moved, rather than leaving a login that fails at run time.
 */
class PasswordGrantContractTest {

    @Test
    void theGrantContextTakesTheSessionClientConfigAttributesFormEventCorsAndTokenManager() {
        assertThatCode(() -> OAuth2GrantType.Context.class.getConstructor(KeycloakSession.class, Object.class,
                Map.class, MultivaluedMap.class, EventBuilder.class, Cors.class, Object.class))
                .doesNotThrowAnyException();
    }

    @Test
    void theGrantReadsTheRequestFromAFieldASubclassMayReplace() throws NoSuchFieldException {
        Field request = OAuth2GrantType.Context.class.getDeclaredField("request");

        assertThat(Modifier.isProtected(request.getModifiers())).isTrue();
        assertThat(request.getType()).isEqualTo(HttpRequest.class);
        assertThat(HttpRequest.class).isAssignableFrom(CredentialsAsForm.class);
    }

    @Test
    void theJsonLoginContextIsAGrantContext() {
        assertThat(OAuth2GrantType.Context.class).isAssignableFrom(PasswordLogin.JsonLoginContext.class);
    }
}
