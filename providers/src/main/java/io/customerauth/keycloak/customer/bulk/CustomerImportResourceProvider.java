package io.customerauth.keycloak.customer.bulk;

import java.util.concurrent.Executor;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import io.customerauth.keycloak.customer.KeycloakJpa;

/** One session's view of the bulk import: the resource, with what its factory shares between batches. */
final class CustomerImportResourceProvider implements AdminRealmResourceProvider {

    private final ImportMetrics metrics;
    private final KeycloakJpa jpa;
    private final Executor claims;

    CustomerImportResourceProvider(ImportMetrics metrics, KeycloakJpa jpa, Executor claims) {
        this.metrics = metrics;
        this.jpa = jpa;
        this.claims = claims;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new CustomerImportResource(session, realm, auth, adminEvent, metrics,
                new CustomerStores(jpa), claims);
    }

    @Override
    public void close() {
    }
}
