package io.customerauth.keycloak.api;

import io.customerauth.keycloak.apidocs.ApiDocsPage;
import io.customerauth.keycloak.clientversion.VersionRefusals;
import io.customerauth.keycloak.installation.PackInstallation;
import io.customerauth.keycloak.metrics.KeycloakMeterRegistry;
import io.customerauth.keycloak.resetcode.ResetCodeOutcomes;
import io.micrometer.core.instrument.MeterRegistry;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.Optional;

/**
 * Mounts the customer-auth JSON API under {@code /realms/{realm}/auth}, with what every request shares
 * ({@link ApiServices}: its server-level settings, {@link ApiSettings}, read once at start).
 */
public final class CustomerAuthResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "auth";

    private ApiServices services;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new CustomerAuthResourceProvider(session, services);
    }

    @Override
    public void init(Config.Scope config) {
        MeterRegistry registry = KeycloakMeterRegistry.get();
        ApiSettings settings = ApiSettings.from(config);
        services = new ApiServices(settings, PackInfo.load(), OpenApiDocument.load(),
                new ApiMetrics(registry), new VersionRefusals(registry), new ResetCodeOutcomes(registry),
                settings.docsEnabled() ? Optional.of(ApiDocsPage.load()) : Optional.empty());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        PackInstallation.check();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
