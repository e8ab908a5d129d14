package io.customerauth.keycloak.logintiming;

import org.keycloak.provider.ProviderFactory;

public interface FailedLoginFloorFactory extends ProviderFactory<FailedLoginFloor> {
}
