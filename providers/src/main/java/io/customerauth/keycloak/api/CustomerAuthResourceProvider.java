package io.customerauth.keycloak.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class CustomerAuthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final PackInfo packInfo;
    private final OpenApiDocument openApi;

    CustomerAuthResourceProvider(KeycloakSession session, PackInfo packInfo, OpenApiDocument openApi) {
        this.session = session;
        this.packInfo = packInfo;
        this.openApi = openApi;
    }

    @Override
    public Object getResource() {
        return new CustomerAuthResource(session, packInfo, openApi);
    }

    @Override
    public void close() {
    }
}
