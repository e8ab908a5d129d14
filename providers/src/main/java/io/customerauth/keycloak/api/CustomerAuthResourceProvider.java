package io.customerauth.keycloak.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class CustomerAuthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ApiServices services;

    CustomerAuthResourceProvider(KeycloakSession session, ApiServices services) {
        this.session = session;
        this.services = services;
    }

    @Override
    public Object getResource() {
        return new CustomerAuthResource(session, services);
    }

    @Override
    public void close() {
    }
}
