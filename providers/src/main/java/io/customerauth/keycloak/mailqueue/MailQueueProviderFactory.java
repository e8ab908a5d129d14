package io.customerauth.keycloak.mailqueue;

import org.keycloak.provider.ProviderFactory;

public interface MailQueueProviderFactory extends ProviderFactory<MailQueue> {
}
