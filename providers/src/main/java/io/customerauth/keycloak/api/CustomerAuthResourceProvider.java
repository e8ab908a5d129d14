package io.customerauth.keycloak.api;

import io.customerauth.keycloak.apidocs.ApiDocsPage;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import java.util.Optional;

final class CustomerAuthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ApiSettings settings;
    private final PackInfo packInfo;
    private final OpenApiDocument openApi;
    private final Optional<ApiDocsPage> apiDocs;

    CustomerAuthResourceProvider(KeycloakSession session, ApiSettings settings, PackInfo packInfo,
                                 OpenApiDocument openApi, Optional<ApiDocsPage> apiDocs) {
        this.session = session;
        this.settings = settings;
        this.packInfo = packInfo;
        this.openApi = openApi;
        this.apiDocs = apiDocs;
    }

    @Override
    public Object getResource() {
        return new CustomerAuthResource(session, settings, packInfo, openApi, apiDocs);
    }

    @Override
    public void close() {
    }
}
