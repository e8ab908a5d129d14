package io.customerauth.keycloak.logintiming;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Owns the node's one {@link FailedLoginFloor}, made when Keycloak starts: every session of every realm gets the
 * same one, so the username step's refusals are padded to what the password step measured.
 */
public final class NodeFailedLoginFloorFactory implements FailedLoginFloorFactory {

    public static final String PROVIDER_ID = "default";

    private FailedLoginFloor floor;

    @Override
    public FailedLoginFloor create(KeycloakSession session) {
        return floor;
    }

    @Override
    public void init(Config.Scope config) {
        floor = new FailedLoginFloor(System::nanoTime, FailedLoginFloor::sleep, FailedLoginFloor.CAP,
                FailedLoginFloor.FORGET_AFTER);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
