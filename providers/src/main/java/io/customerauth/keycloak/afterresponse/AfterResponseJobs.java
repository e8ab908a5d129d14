package io.customerauth.keycloak.afterresponse;

import org.keycloak.provider.Provider;

/**
 * Work a request leaves for after its answer (the pack's mails, the events about them, the lookups they need), so that
 * the answer never waits for SMTP and its timing says nothing about the account. One provider per Keycloak session;
 * the jobs of every session of a server share one bounded queue, so a flood of requests can never pile up unbounded
 * work or memory.
 */
public interface AfterResponseJobs extends Provider {

    /**
     * Runs the job once this request's transaction has committed, off the request thread, in a session and
     * transaction of its own; nothing runs if the transaction rolls back. When the queue has no room the job is
     * dropped, never run late: it is counted, {@link AfterResponseJob#dropped()} says what that means for it, and the
     * realm is told at most once a minute per node ({@link AfterResponseJob#reportDrops}).
     */
    void enlist(AfterResponseJob job);
}
