package io.customerauth.keycloak.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class CustomerAuthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ApiSettings settings;
    private final PackInfo packInfo;
    private final OpenApiDocument openApi;

    CustomerAuthResourceProvider(KeycloakSession session, ApiSettings settings, PackInfo packInfo,
                                 OpenApiDocument openApi) {
        this.session = session;
        this.settings = settings;
        this.packInfo = packInfo;
        this.openApi = openApi;
    }

    @Override
    public Object getResource() {
        return new CustomerAuthResource(session, settings, packInfo, openApi);
    }

    @Override
    public void close() {
    }
}
