package io.customerauth.keycloak.afterresponse;

import io.customerauth.keycloak.metrics.KeycloakMeterRegistry;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates the server's one {@link BoundedJobQueue} when Keycloak starts and stops it when Keycloak stops. Options
 * ({@code --spi-customer-auth-after-response--default--<option>}, or the environment's
 * {@code KC_SPI_CUSTOMER_AUTH_AFTER_RESPONSE__DEFAULT__<OPTION>}): {@code threads}, {@code queue-size} and
 * {@code jobs-per-realm}. The queue's first name's options ({@code --spi-customer-auth-mail-queue--default--threads}
 * and {@code --queue-size}) are still read where the new ones are not set.
 */
public final class QueuedAfterResponseJobsFactory implements AfterResponseJobsFactory {

    public static final String PROVIDER_ID = "default";
    static final String THREADS = "threads";
    static final String QUEUE_SIZE = "queueSize";
    static final String JOBS_PER_REALM = "jobsPerRealm";
    /** Sending a mail waits on SMTP, not on the CPU: a few threads keep up with the realm's default mail limit. */
    static final int DEFAULT_THREADS = 4;
    /** A few hundred bytes a job: a full queue costs well under a megabyte. */
    static final int DEFAULT_QUEUE_SIZE = 1000;
    /** A fifth of the queue: a flooded realm leaves room for four others. */
    static final int DEFAULT_JOBS_PER_REALM = 200;
    /** The SPI's name before it was named for what it queues. */
    static final String FORMER_SPI = "customer-auth-mail-queue";

    private static final Logger LOG = Logger.getLogger(QueuedAfterResponseJobsFactory.class);

    private BoundedJobQueue queue;
    private AfterResponseMetrics metrics;

    @Override
    public AfterResponseJobs create(KeycloakSession session) {
        return new QueuedAfterResponseJobs(session, queue, metrics);
    }

    @Override
    public void init(Config.Scope config) {
        Config.Scope former = formerScope();
        queue = new BoundedJobQueue(option(config, former, THREADS, DEFAULT_THREADS),
                option(config, former, QUEUE_SIZE, DEFAULT_QUEUE_SIZE),
                option(config, null, JOBS_PER_REALM, DEFAULT_JOBS_PER_REALM), System::nanoTime);
        metrics = new AfterResponseMetrics(KeycloakMeterRegistry.get());
    }

    /** The option, else the same one of the former SPI name, else the default; at least 1. */
    static int option(Config.Scope config, Config.Scope former, String name, int defaultValue) {
        Integer value = config == null ? null : config.getInt(name);
        if (value == null && former != null) {
            value = former.getInt(name);
            if (value != null) {
                LOG.warnf("--spi-%s--%s--%s is deprecated: use --spi-%s--%s--%s", FORMER_SPI, PROVIDER_ID, name,
                        AfterResponseSpi.NAME, PROVIDER_ID, name);
            }
        }
        return Math.max(1, value == null ? defaultValue : value);
    }

    private static Config.Scope formerScope() {
        try {
            return Config.scope(FORMER_SPI, PROVIDER_ID);
        } catch (RuntimeException noConfiguration) {
            return null;
        }
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
                .helpText("Threads that run the pack's jobs after the answer (mails, the events about them).")
                .defaultValue(DEFAULT_THREADS).add()
                .property().name(QUEUE_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Jobs that may wait for a thread, for the whole server; a job that does not fit is dropped"
                        + " (counted, an event and a log line), the caller gets the usual answer.")
                .defaultValue(DEFAULT_QUEUE_SIZE).add()
                .property().name(JOBS_PER_REALM).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Jobs of one realm waiting or running at once on this server, so that a flood of one realm"
                        + " leaves room for the others; beyond it the realm's jobs are dropped.")
                .defaultValue(DEFAULT_JOBS_PER_REALM).add()
                .build();
    }
}
