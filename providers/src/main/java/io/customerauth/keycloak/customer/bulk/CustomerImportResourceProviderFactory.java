package io.customerauth.keycloak.customer.bulk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.customerauth.keycloak.customer.CustomerIdClaims;
import io.customerauth.keycloak.metrics.KeycloakMeterRegistry;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import io.customerauth.keycloak.customer.KeycloakJpa;

/**
 * Mounts the bulk customer import under the realm's admin API: {@code /admin/realms/{realm}/customer-import}.
 * Keycloak's admin machinery authenticates the bearer token and builds the permission evaluator before the resource
 * is reached; the resource itself requires the realm's manage-users permission. The factory owns what the node's
 * batches share: the import metrics, the small pool that claims a batch's customer_ids in parallel
 * ({@link CustomerIdClaims#claimAll}), stopped with the server, and what the database is ({@link KeycloakJpa}).
 */
public final class CustomerImportResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "customer-import";

    private final ImportMetrics metrics = new ImportMetrics(KeycloakMeterRegistry.get());
    private final KeycloakJpa jpa = new KeycloakJpa();
    private final ExecutorService claims = Executors.newFixedThreadPool(CustomerIdClaims.PARALLEL_ROUND_TRIPS,
            task -> {
                Thread thread = new Thread(task, "customer-auth-id-claims");
                thread.setDaemon(true);
                return thread;
            });

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new CustomerImportResourceProvider(metrics, jpa, claims);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        claims.shutdownNow();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
