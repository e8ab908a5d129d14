package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.AfterResponseJob;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A job of forgot or reset password after the answer. Every one of them mails or records a reset mail, so a drop is
 * reported to the realm as Keycloak reports a reset mail that did not go out: {@code SEND_RESET_PASSWORD_ERROR}
 * {@value RealmResetEvents#QUEUE_FULL}, with {@value RealmResetEvents#DROPPED_JOBS}.
 */
interface ResetJob extends AfterResponseJob {

    /** The job's realm, made the realm of its session (templates, events and the locale read it from there). */
    static RealmModel enter(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        return realm;
    }

    @Override
    default void reportDrops(KeycloakSession session, RealmModel realm, ClientConnection caller, long drops) {
        new RealmResetEvents(session, realm, null, caller).queueFull(drops);
    }
}
