package io.customerauth.keycloak.api;

import jakarta.ws.rs.NotAuthorizedException;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates {@code Authorization: Bearer} with Keycloak's own verifier (signature, issuer, expiry, token type,
 * revocation, live user session, enabled user), and accepts only access tokens issued to the customer app.
 * Every refusal of the token is the same 401. A failure of the server while checking a well-formed token (the
 * database down, say) is not the caller's fault: it propagates, and the API answers it as its 500.
 */
final class BearerAuthentication {

    private final KeycloakSession session;
    private final String clientId;

    BearerAuthentication(KeycloakSession session, String clientId) {
        this.session = session;
        this.clientId = clientId;
    }

    UserModel requireUser() {
        String token = wellFormedBearerToken();
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).setTokenString(token).authenticate();
        if (result == null || result.user() == null
                || !clientId.equals(result.token().getIssuedFor())) {
            throw invalidToken();
        }
        return result.user();
    }

    /**
     * The header's token, once it parses as a JWS with an algorithm. Keycloak's verifier throws for a malformed
     * header ({@code NotAuthorizedException}) and for a JWS without {@code alg} (a null dereference), where it
     * should say "invalid"; checking the form first leaves only the server's own failures to be thrown.
     */
    private String wellFormedBearerToken() {
        String token;
        try {
            token = AppAuthManager.extractAuthorizationHeaderToken(session.getContext().getRequestHeaders());
        } catch (NotAuthorizedException malformedHeader) {
            throw invalidToken();
        }
        if (token == null) {
            throw invalidToken();
        }
        try {
            if (new JWSInput(token).getHeader().getAlgorithm() == null) {
                throw invalidToken();
            }
        } catch (JWSInputException malformedToken) {
            throw invalidToken();
        }
        return token;
    }

    private static ApiException invalidToken() {
        return ApiException.of(401, ApiMessages.INVALID_TOKEN).withHeader("WWW-Authenticate", "Bearer");
    }
}
