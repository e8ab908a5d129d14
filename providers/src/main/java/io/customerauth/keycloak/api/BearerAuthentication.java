package io.customerauth.keycloak.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates {@code Authorization: Bearer} with Keycloak's own verifier (signature, issuer, expiry, token type,
 * revocation, live user session, enabled user), and accepts only access tokens issued to the customer app.
 * Every refusal is the same 401.
 */
final class BearerAuthentication {

    private final KeycloakSession session;

    BearerAuthentication(KeycloakSession session) {
        this.session = session;
    }

    UserModel requireUser() {
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (RuntimeException malformed) {
            // Keycloak throws for some malformed headers and tokens; to the caller they are all just invalid.
            result = null;
        }
        if (result == null || result.user() == null
                || !PasswordLogin.CLIENT_ID.equals(result.token().getIssuedFor())) {
            throw ApiException.of(401, ApiMessages.INVALID_TOKEN).withHeader("WWW-Authenticate", "Bearer");
        }
        return result.user();
    }
}
