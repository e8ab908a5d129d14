package io.customerauth.keycloak.customer.bulk;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Mounts the bulk customer import under the realm's admin API: {@code /admin/realms/{realm}/customer-import}.
 * Keycloak's admin machinery authenticates the bearer token and builds the permission evaluator before the resource
 * is reached; the resource itself requires the realm's manage-users permission.
 */
public final class CustomerImportResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "customer-import";

    private static final CustomerImportResourceProvider INSTANCE = new CustomerImportResourceProvider();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {
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
