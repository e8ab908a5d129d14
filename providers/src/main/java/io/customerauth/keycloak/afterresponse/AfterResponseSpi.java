package io.customerauth.keycloak.afterresponse;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The pack's own SPI, {@value #NAME}: its options are {@code --spi-customer-auth-after-response--default--*}. */
public final class AfterResponseSpi implements Spi {

    public static final String NAME = "customer-auth-after-response";

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
        return AfterResponseJobs.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AfterResponseJobsFactory.class;
    }
}
