package io.customerauth.keycloak.resetcode;

import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs work after the request's transaction commits, on a Keycloak executor, in a fresh session and transaction
 * of its own: the answer never waits for it (SMTP can take seconds) and its timing says nothing about the account.
 */
final class AfterResponse {

    static final String EXECUTOR = "customer-auth-mail";
    private static final Logger LOG = Logger.getLogger(AfterResponse.class);

    private AfterResponse() {
    }

    static void run(KeycloakSession session, KeycloakSessionTask task) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> runLogged(factory, task));
                } catch (RejectedExecutionException e) {
                    LOG.warn("customer-auth mail executor refused a job; no mail is sent for this request");
                }
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private static void runLogged(KeycloakSessionFactory factory, KeycloakSessionTask task) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, task);
        } catch (RuntimeException e) {
            LOG.error("customer-auth background job failed", e);
        }
    }
}
