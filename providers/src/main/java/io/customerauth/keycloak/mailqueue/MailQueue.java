package io.customerauth.keycloak.mailqueue;

import org.keycloak.provider.Provider;

/**
 * The pack's work after the answer (verification-code mails, notices, lookups): a bounded queue per server, so a flood
 * of requests can never pile up unbounded work or memory. A job that does not fit is dropped, never run late.
 */
public interface MailQueue extends Provider {

    /**
     * Queues the job unless the server's queue is full or the realm already has {@code maxQueuedForRealm} jobs waiting
     * or running on this node.
     */
    Admission submit(String realmId, int maxQueuedForRealm, Runnable job);

    /**
     * Whether the job was queued. A dropped one carries {@code dropsToReport} &gt; 0 when it is the first drop for
     * the realm on this node in a while: the caller then reports that many drops (an event and a log line), so a
     * flood writes one report a minute, not one per request.
     */
    record Admission(boolean queued, long dropsToReport) {

        public static final Admission QUEUED = new Admission(true, 0);
    }
}
