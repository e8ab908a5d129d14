package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.flows.PackStepFactory;
import io.customerauth.keycloak.metrics.KeycloakMeterRegistry;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * Registers the verification-code step that admins place in the realm's reset-credentials flow. Its settings (code
 * lifetime, tries, mail throttle, flood limits) govern the login page and the JSON API alike
 * ({@link ResetCodeSettings}).
 */
public final class ResetCodeAuthenticatorFactory implements PackStepFactory {

    public static final String PROVIDER_ID = "customer-reset-code";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENT_CHOICES = {
            AuthenticationExecutionModel.Requirement.REQUIRED
    };
    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ResetCodeSetting.configProperties();

    private final ResetCodeAuthenticator authenticator =
            new ResetCodeAuthenticator(new ResetCodeOutcomes(KeycloakMeterRegistry.get()));

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
        return "Verification code by email";
    }

    @Override
    public String getHelpText() {
        return "Mails the customer a verification code and asks for it, as the customer-auth JSON API's forgot and"
                + " reset password do. Its settings apply to both.";
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
