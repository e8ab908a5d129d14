package io.customerauth.keycloak.customer.bulk;

import io.customerauth.keycloak.metrics.KeycloakMeterRegistry;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts the bulk customer import under the realm's admin API: {@code /admin/realms/{realm}/customer-import}.
 * Keycloak's admin machinery authenticates the bearer token and builds the permission evaluator before the resource
 * is reached; the resource itself requires the realm's manage-users permission. Stateless, so the factory is its own
 * provider: nothing to set up, nothing to close.
 */
public final class CustomerImportResourceProviderFactory implements AdminRealmResourceProviderFactory,
        AdminRealmResourceProvider {

    public static final String PROVIDER_ID = "customer-import";

    private final ImportMetrics metrics = new ImportMetrics(KeycloakMeterRegistry.get());

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new CustomerImportResource(session, realm, auth, adminEvent, metrics);
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
