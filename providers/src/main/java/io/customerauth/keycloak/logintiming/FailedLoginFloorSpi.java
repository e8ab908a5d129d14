package io.customerauth.keycloak.logintiming;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The pack's SPI {@value #NAME}: the node's {@link FailedLoginFloor}, which the even-timing steps share. */
public final class FailedLoginFloorSpi implements Spi {

    public static final String NAME = "customer-auth-failed-login-floor";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return FailedLoginFloor.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return FailedLoginFloorFactory.class;
    }
}
