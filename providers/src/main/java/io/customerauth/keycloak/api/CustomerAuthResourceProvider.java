package io.customerauth.keycloak.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class CustomerAuthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final PackInfo packInfo;

    CustomerAuthResourceProvider(KeycloakSession session, PackInfo packInfo) {
        this.session = session;
        this.packInfo = packInfo;
    }

    @Override
    public Object getResource() {
        return new CustomerAuthResource(session, packInfo);
    }

    @Override
    public void close() {
    }
}
