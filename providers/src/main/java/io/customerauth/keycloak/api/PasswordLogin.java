package io.customerauth.keycloak.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.cors.Cors;

import java.util.Map;
import java.util.Optional;

/**
 * Logs a customer in by running Keycloak's own password grant in-process, for the realm's customer app: the
 * realm's direct-grant flow (client version, username, password), brute-force detection, LOGIN / LOGIN_ERROR
 * events, a real user session, access and refresh tokens. No loopback HTTP call, no extra password hash, and no ID
 * token: the API returns none, so none is built or signed ({@link WithoutIdToken}).
 */
final class PasswordLogin {

    private final KeycloakSession session;
    private final String clientId;

    PasswordLogin(KeycloakSession session, String clientId) {
        this.session = session;
        this.clientId = clientId;
    }

    /** The tokens and the user, or empty for every kind of refusal: the caller answers them all alike. */
    Optional<LoggedIn> login(String email, String password) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !client.isEnabled()) {
            throw new IllegalStateException("realm " + realm.getName() + " has no enabled client " + clientId);
        }
        session.getContext().setClient(client);
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN)
                .client(client)
                .detail(Details.GRANT_TYPE, OAuth2Constants.PASSWORD);
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle(OAuth2Constants.GRANT_TYPE, OAuth2Constants.PASSWORD);
        form.putSingle(OAuth2Constants.CLIENT_ID, clientId);
        form.putSingle(OAuth2Constants.USERNAME, email);
        form.putSingle(OAuth2Constants.PASSWORD, password);
        form.putSingle(OAuth2Constants.SCOPE, OAuth2Constants.SCOPE_OPENID);

        OAuth2GrantType grant = session.getProvider(OAuth2GrantType.class, OAuth2Constants.PASSWORD);
        Response response;
        try {
            response = grant.process(new JsonLoginContext(session, client, form, event));
        } catch (WebApplicationException refused) {
            return Optional.empty();
        }
        if (response.getStatus() != 200 || !(response.getEntity() instanceof AccessTokenResponse tokens)) {
            return Optional.empty();
        }
        String userId = event.getEvent().getUserId();
        UserModel user = session.users().getUserById(realm, userId);
        return Optional.of(new LoggedIn(user, tokens));
    }

    record LoggedIn(UserModel user, AccessTokenResponse tokens) {
    }

    /**
     * The grant's context, with the JSON credentials handed over as form parameters of the real request.
     *
     * <p>On purpose, a subclass of a private-SPI class ({@code keycloak-server-spi-private}): running Keycloak's own
     * password grant in-process is what gives the JSON login Keycloak's sessions, events, brute-force counting and
     * the realm's direct-grant flow without an HTTP hop, and the grant takes nothing but this context. Its
     * constructor and its protected {@code request} field are Keycloak internals that may move between minors:
     * this class compiles only against the pinned version, and {@code PasswordGrantContractTest} names what it
     * relies on, so an upgrade that moves them fails the build with a clear message.
     */
    static final class JsonLoginContext extends OAuth2GrantType.Context {
        JsonLoginContext(KeycloakSession session, ClientModel client, MultivaluedHashMap<String, String> form,
                         EventBuilder event) {
            super(session, OIDCAdvancedConfigWrapper.fromClientModel(client), Map.of(), form, event,
                    Cors.builder(), new WithoutIdToken());
            this.request = new CredentialsAsForm(session.getContext().getHttpRequest(), form);
        }
    }
}
