package io.customerauth.keycloak.resetcode;

import org.keycloak.common.ClientConnection;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/** {@link ResetEvents} in the realm's event store, through Keycloak's {@link EventBuilder}. */
final class RealmResetEvents implements ResetEvents {

    static final String ADDRESS_LIMIT = "address_limit_exceeded";
    static final String REALM_MAIL_LIMIT = "realm_mail_limit_exceeded";
    static final String QUEUE_FULL = "mail_queue_full";
    static final String DROPPED_JOBS = "dropped_jobs";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String clientId;
    private final ClientConnection caller;

    /** {@code clientId} may be null: the event then names no client. */
    RealmResetEvents(KeycloakSession session, RealmModel realm, String clientId, ClientConnection caller) {
        this.session = session;
        this.realm = realm;
        this.clientId = clientId;
        this.caller = caller;
    }

    @Override
    public void codeMailed(UserModel user) {
        named(event(EventType.SEND_RESET_PASSWORD).user(user), user).success();
    }

    @Override
    public void codeMailFailed(UserModel user) {
        named(event(EventType.SEND_RESET_PASSWORD).user(user), user).error(Errors.EMAIL_SEND_FAILED);
    }

    /** The user id only: Keycloak's event logger writes every detail to the log, and a drop never logs an email. */
    @Override
    public void realmMailLimitReached(UserModel user, String limit) {
        event(EventType.SEND_RESET_PASSWORD).user(user).detail(Details.REASON, limit).error(REALM_MAIL_LIMIT);
    }

    @Override
    public void addressLimitReached(String limit) {
        event(EventType.SEND_RESET_PASSWORD).detail(Details.REASON, limit).error(ADDRESS_LIMIT);
    }

    /** {@code SEND_RESET_PASSWORD_ERROR mail_queue_full}, with the number of jobs dropped since the last one. */
    void queueFull(long drops) {
        new EventBuilder(realm, session, caller)
                .event(EventType.SEND_RESET_PASSWORD)
                .detail(DROPPED_JOBS, Long.toString(drops))
                .error(QUEUE_FULL);
    }

    @Override
    public void wrongCode(UserModel user) {
        named(event(EventType.RESET_PASSWORD).user(user), user).error(Errors.INVALID_CODE);
    }

    @Override
    public void passwordRefused(UserModel user) {
        named(event(EventType.RESET_PASSWORD).user(user), user).error(Errors.PASSWORD_REJECTED);
    }

    @Override
    public void passwordReset(UserModel user) {
        named(event(EventType.RESET_PASSWORD).user(user), user).success();
        named(event(EventType.UPDATE_CREDENTIAL).user(user), user)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                .success();
    }

    private EventBuilder event(EventType type) {
        EventBuilder event = new EventBuilder(realm, session, caller).event(type);
        return clientId == null ? event : event.client(realm.getClientByClientId(clientId));
    }

    private static EventBuilder named(EventBuilder event, UserModel user) {
        return event.detail(Details.USERNAME, user.getUsername()).detail(Details.EMAIL, user.getEmail());
    }
}
