package io.customerauth.keycloak.afterresponse;

import org.keycloak.provider.ProviderFactory;

public interface AfterResponseJobsFactory extends ProviderFactory<AfterResponseJobs> {
}
