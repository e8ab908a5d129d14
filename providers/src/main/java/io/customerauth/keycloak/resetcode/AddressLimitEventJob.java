package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.CallerAddress;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The event of the first forgot-password request of a window refused by the limit per address. The request has its
 * outcome already ({@code dropped_limit}): a drop of this job changes nothing of it.
 */
record AddressLimitEventJob(String realmId, String clientId, CallerAddress caller, String limit) implements ResetJob {

    static final String NAME = "address_limit_event";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        RealmModel realm = ResetJob.enter(session, realmId);
        new RealmResetEvents(session, realm, clientId, caller).addressLimitReached(limit);
    }
}
