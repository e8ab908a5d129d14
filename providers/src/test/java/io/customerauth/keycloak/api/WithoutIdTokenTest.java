package io.customerauth.keycloak.api;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.TokenManager;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

class WithoutIdTokenTest {

    /** A client with no attributes set: Keycloak's defaults. */
    private static final ClientModel CLIENT = (ClientModel) Proxy.newProxyInstance(
            WithoutIdTokenTest.class.getClassLoader(), new Class<?>[] {ClientModel.class}, (proxy, method, args) -> null);

    @Test
    void theApiLoginBuildsNoIdTokenAndNoAccessTokenHash() {
        TokenManager.AccessTokenResponseBuilder builder = new WithoutIdToken()
                .responseBuilder(null, CLIENT, null, null, null, null);

        // Keycloak's builder would throw here ("accessToken not set") or build and sign an ID token.
        assertThat(builder.generateIDToken().generateAccessTokenHash()).isSameAs(builder);
        assertThat(builder.generateIDToken(true)).isSameAs(builder);
        assertThat(builder.getIdToken()).isNull();
    }
}
