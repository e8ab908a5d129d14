package io.customerauth.keycloak.flows;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;

/**
 * What the factories of the pack's configurable flow steps answer alike: a step with settings in the admin console,
 * no reference category, nothing for a user to set up, and no server options.
 */
public interface PackStepFactory extends AuthenticatorFactory, StatelessFactory<Authenticator> {

    @Override
    default String getReferenceCategory() {
        return null;
    }

    @Override
    default boolean isConfigurable() {
        return true;
    }

    @Override
    default boolean isUserSetupAllowed() {
        return false;
    }
}
