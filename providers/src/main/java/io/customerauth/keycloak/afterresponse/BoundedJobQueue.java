package io.customerauth.keycloak.afterresponse;

import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One per server: a fixed pool of threads over a queue of fixed capacity (Keycloak's own executors queue without
 * bound), plus a per-realm count of jobs waiting or running, so that one realm under a flood cannot fill the queue
 * for every other realm. A job that does not fit is dropped, never run late.
 */
final class BoundedJobQueue {

    static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = Logger.getLogger(BoundedJobQueue.class);

    private final ThreadPoolExecutor executor;
    private final int jobsPerRealm;
    private final LongSupplier nanoClock;
    private final Map<String, AtomicInteger> queuedPerRealm = new ConcurrentHashMap<>();
    private final Map<String, DropCount> dropsPerRealm = new ConcurrentHashMap<>();

    BoundedJobQueue(int threads, int capacity, int jobsPerRealm, LongSupplier nanoClock) {
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(capacity), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
        this.jobsPerRealm = jobsPerRealm;
        this.nanoClock = nanoClock;
    }

    /**
     * Whether the job was queued. A dropped one carries {@code dropsToReport} &gt; 0 when it is the first drop for
     * the realm on this node in a while: the caller then reports that many drops, so a flood writes one report a
     * minute, not one per request.
     */
    record Admission(boolean queued, long dropsToReport) {

        static final Admission QUEUED = new Admission(true, 0);
    }

    /** Queues the job unless the server's queue is full or the realm already has its share waiting or running. */
    Admission submit(String realmId, Runnable job) {
        AtomicInteger queued = queuedPerRealm.computeIfAbsent(realmId, id -> new AtomicInteger());
        if (queued.incrementAndGet() > jobsPerRealm) {
            queued.decrementAndGet();
            return dropped(realmId);
        }
        try {
            executor.execute(() -> {
                try {
                    job.run();
                } finally {
                    queued.decrementAndGet();
                }
            });
            return Admission.QUEUED;
        } catch (RejectedExecutionException full) {
            queued.decrementAndGet();
            return dropped(realmId);
        }
    }

    /** The most jobs of one realm waiting or running at once on this node. */
    int jobsPerRealm() {
        return jobsPerRealm;
    }

    /** Jobs of the realm waiting or running on this node. */
    int queued(String realmId) {
        AtomicInteger queued = queuedPerRealm.get(realmId);
        return queued == null ? 0 : queued.get();
    }

    /** At server stop: lets running and queued jobs finish for a few seconds, then drops the rest. */
    void shutdown(long timeout, TimeUnit unit) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout, unit)) {
                int left = executor.shutdownNow().size();
                LOG.warnf("customer-auth after-response queue stopped with %d job(s) not run", left);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Admission dropped(String realmId) {
        long toReport = dropsPerRealm.computeIfAbsent(realmId, id -> new DropCount()).add(nanoClock.getAsLong());
        return new Admission(false, toReport);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "customer-auth-after-response-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Drops since the last report: the first drop is reported at once, then at most one report a minute. */
    private static final class DropCount {

        private boolean reported;
        private long lastReport;
        private long unreported;

        synchronized long add(long now) {
            unreported++;
            if (reported && now - lastReport < REPORT_INTERVAL_NANOS) {
                return 0;
            }
            reported = true;
            lastReport = now;
            long count = unreported;
            unreported = 0;
            return count;
        }
    }
}
