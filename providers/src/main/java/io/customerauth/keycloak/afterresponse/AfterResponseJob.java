package io.customerauth.keycloak.afterresponse;

import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One piece of work after the answer. It waits in the server's queue, so it holds a few strings, never the request's
 * session: under a flood the queue fills with jobs, and jobs that kept their sessions filled a 512 MiB heap within a
 * minute (bench/, forgot-password pair).
 */
public interface AfterResponseJob {

    /** The job's kind: the {@code job} label of the dropped-jobs metric, from a closed set. */
    String name();

    /** The work, in a session and transaction of its own. */
    void run(KeycloakSession session);

    /**
     * This job did not fit in the queue and will never run: what that means for it beyond the count of dropped jobs
     * (a forgot-password request's outcome, say). Called on the request's thread after its answer; must be quick.
     */
    default void dropped() {
    }

    /**
     * Tells the realm's admins that {@code drops} jobs were dropped on this node since the last report, in a session
     * of its own, beside the server log's warning: the first drop of a realm and then at most one a minute reach
     * here, from whichever job was dropped at that moment. Nothing by default.
     */
    default void reportDrops(KeycloakSession session, RealmModel realm, ClientConnection caller, long drops) {
    }
}
