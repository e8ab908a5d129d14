package io.customerauth.keycloak.mailqueue;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The pack's own SPI, {@value #NAME}: its options are {@code --spi-customer-auth-mail-queue--default--*}. */
public final class MailQueueSpi implements Spi {

    public static final String NAME = "customer-auth-mail-queue";

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
        return MailQueue.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return MailQueueProviderFactory.class;
    }
}
