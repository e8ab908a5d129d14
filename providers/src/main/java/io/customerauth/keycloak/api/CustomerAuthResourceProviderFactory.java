package io.customerauth.keycloak.api;

import io.customerauth.keycloak.apidocs.ApiDocsPage;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.Optional;

/**
 * Mounts the customer-auth JSON API under {@code /realms/{realm}/auth}, with its server-level settings
 * ({@link ApiSettings}) read once at start.
 */
public final class CustomerAuthResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "auth";

    private ApiSettings settings = ApiSettings.DEFAULTS;
    private PackInfo packInfo;
    private OpenApiDocument openApi;
    private Optional<ApiDocsPage> apiDocs = Optional.empty();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new CustomerAuthResourceProvider(session, settings, packInfo, openApi, apiDocs);
    }

    @Override
    public void init(Config.Scope config) {
        settings = ApiSettings.from(config);
        packInfo = PackInfo.load();
        openApi = OpenApiDocument.load();
        apiDocs = settings.docsEnabled() ? Optional.of(ApiDocsPage.load()) : Optional.empty();
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
