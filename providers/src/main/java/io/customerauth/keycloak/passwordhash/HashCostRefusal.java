package io.customerauth.keycloak.passwordhash;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What verifying a stored hash over {@link StoredHashCost} does instead of hashing: answer "no" at once, and leave a
 * trace an admin can find: a WARNING log line and a {@code LOGIN_ERROR} event with the error {@value #ERROR} and the
 * broken limit as its {@code reason}. Neither holds the hash or the password.
 *
 * <p>A hash provider is not told which user it verifies. The event names the credential ({@value #CREDENTIAL_ID});
 * it carries the user when the login has an authentication session in the context (browser flows). The login's own
 * {@code LOGIN_ERROR} ({@code invalid_user_credentials}), sent right after, always carries the user.
 */
final class HashCostRefusal {

    static final String ERROR = "password_hash_over_cost_limit";
    static final String CREDENTIAL_ID = "credential_id";
    static final String ALGORITHM = "hash_algorithm";

    private static final Logger LOG = Logger.getLogger(HashCostRefusal.class);

    private HashCostRefusal() {
    }

    /** True, after logging and recording the refusal, when this credential must not be hashed. */
    static boolean refuses(KeycloakSession session, PasswordCredentialModel credential) {
        Optional<String> reason = StoredHashCost.exceeded(credential);
        if (reason.isEmpty()) {
            return false;
        }
        String algorithm = credential.getPasswordCredentialData().getAlgorithm();
        LOG.warnf("Stored %s credential %s is outside the hash cost limits (%s): refused without hashing", algorithm,
                credential.getId(), reason.get());
        if (session != null) {
            try {
                event(session, credential, algorithm, reason.get());
            } catch (RuntimeException e) {
                LOG.warnf("Could not record the refusal of credential %s as an event: %s", credential.getId(),
                        e.getClass().getSimpleName());
            }
        }
        return true;
    }

    private static void event(KeycloakSession session, PasswordCredentialModel credential, String algorithm,
                              String reason) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            return;
        }
        EventBuilder event = new EventBuilder(realm, session).event(EventType.LOGIN_ERROR)
                .detail(CREDENTIAL_ID, credential.getId())
                .detail(ALGORITHM, algorithm)
                .detail(Details.REASON, reason);
        ClientConnection connection = session.getContext().getConnection();
        if (connection != null) {
            event.ipAddress(connection.getRemoteHost());
        }
        ClientModel client = session.getContext().getClient();
        if (client != null) {
            event.client(client);
        }
        AuthenticationSessionModel authentication = session.getContext().getAuthenticationSession();
        UserModel user = authentication == null ? null : authentication.getAuthenticatedUser();
        if (user != null) {
            event.user(user);
        }
        event.error(ERROR);
    }
}
