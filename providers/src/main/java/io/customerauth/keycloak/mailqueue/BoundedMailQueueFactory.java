package io.customerauth.keycloak.mailqueue;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates the server's one {@link BoundedMailQueue} when Keycloak starts and stops it when Keycloak stops. Options:
 * {@code --spi-customer-auth-mail-queue--default--threads} and {@code --...--queue-size}
 * (environment: {@code KC_SPI_CUSTOMER_AUTH_MAIL_QUEUE__DEFAULT__QUEUE_SIZE}, ...).
 */
public final class BoundedMailQueueFactory implements MailQueueProviderFactory {

    public static final String PROVIDER_ID = "default";
    static final String THREADS = "threads";
    static final String QUEUE_SIZE = "queueSize";
    /** Sending a mail waits on SMTP, not on the CPU: a few threads keep up with the realm's default mail limit. */
    static final int DEFAULT_THREADS = 4;
    /** A few hundred bytes a job: a full queue costs well under a megabyte. */
    static final int DEFAULT_QUEUE_SIZE = 1000;

    private BoundedMailQueue queue;

    @Override
    public MailQueue create(KeycloakSession session) {
        return queue;
    }

    @Override
    public void init(Config.Scope config) {
        int threads = Math.max(1, config.getInt(THREADS, DEFAULT_THREADS));
        int queueSize = Math.max(1, config.getInt(QUEUE_SIZE, DEFAULT_QUEUE_SIZE));
        queue = new BoundedMailQueue(threads, queueSize, System::nanoTime);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.shutdown(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(THREADS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Threads that send the pack's mails after the answer.")
                .defaultValue(DEFAULT_THREADS).add()
                .property().name(QUEUE_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Jobs that may wait for a thread, for the whole server; a job that does not fit is dropped"
                        + " (an event and a log line), the caller gets the usual answer.")
                .defaultValue(DEFAULT_QUEUE_SIZE).add()
                .build();
    }
}
