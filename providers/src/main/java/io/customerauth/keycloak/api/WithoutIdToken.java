package io.customerauth.keycloak.api;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;

/**
 * Keycloak's token manager for the API's login, minus the ID token. The login asks for scope {@code openid} so that
 * its access token works at userinfo; Keycloak's password grant then also builds an ID token (every protocol mapper
 * again, an RS256 signature and the access-token hash), which the API never returns. Everything else (access and
 * refresh tokens, their mappers, the session, the events) is Keycloak's own.
 */
final class WithoutIdToken extends TokenManager {

    @Override
    public AccessTokenResponseBuilder responseBuilder(RealmModel realm, ClientModel client, EventBuilder event,
                                                      KeycloakSession session, UserSessionModel userSession,
                                                      ClientSessionContext clientSessionCtx) {
        return new AccessTokenResponseBuilder(realm, client, event, session, userSession, clientSessionCtx, this) {
            @Override
            public AccessTokenResponseBuilder generateIDToken(boolean isIdTokenAsDetachedSignature) {
                return this;
            }

            @Override
            public AccessTokenResponseBuilder generateAccessTokenHash() {
                return this;
            }
        };
    }
}
