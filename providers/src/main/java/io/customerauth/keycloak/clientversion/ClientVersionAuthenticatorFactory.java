package io.customerauth.keycloak.clientversion;

import io.customerauth.keycloak.flows.PackStepFactory;
import io.customerauth.keycloak.metrics.KeycloakMeterRegistry;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** Registers the client-version check as an authenticator that admins place in a flow and configure. */
public final class ClientVersionAuthenticatorFactory implements PackStepFactory {

    public static final String PROVIDER_ID = "client-version";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENT_CHOICES = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };
    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(ClientVersionConfig.MINIMUM_VERSION)
            .label("Minimum client version")
            .helpText("Clients must send X-Client-Version: MAJOR.MINOR.PATCH at least this high (compared"
                    + " numerically). Older ones get 426 Upgrade Required, here and on the customer-auth JSON API.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(ClientVersionConfig.DEFAULT_MINIMUM.toString())
            .add()
            .build();

    private final ClientVersionAuthenticator authenticator =
            new ClientVersionAuthenticator(new VersionRefusals(KeycloakMeterRegistry.get()));

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Client version";
    }

    @Override
    public String getHelpText() {
        return "Refuses apps older than a minimum version, read from the X-Client-Version header.";
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
