package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.CallerAddress;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * An admitted forgot-password request's job ({@link CodeMailing}); a drop is the request's outcome
 * ({@code dropped_queue_full}). Holds only strings (see {@link io.customerauth.keycloak.afterresponse.AfterResponseJob}).
 */
record CodeMailJob(String realmId, String clientId, String email, CallerAddress caller, ResetCodeOutcomes outcomes)
        implements ResetJob {

    static final String NAME = "reset_code_mail";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        RealmModel realm = ResetJob.enter(session, realmId);
        ResetCodeSettings settings = ResetCodeSettings.of(realm);
        new CodeMailing(realmId, realm.getName(), settings, new RealmAccounts(session, realm),
                session.singleUseObjects(), user -> issueBeforeMailing(session, user.getId(), settings),
                new CustomerMail(session, realm), new RealmResetEvents(session, realm, clientId, caller), outcomes)
                .mailCodeTo(email);
    }

    @Override
    public void dropped() {
        outcomes.count(ResetCodeOutcome.DROPPED_QUEUE_FULL);
    }

    /**
     * A new code, stored in a transaction of its own that has committed (and reached every node of a cluster) when
     * this returns. The store writes a new code at its transaction's commit: issued in the mail job's transaction, the
     * code would be stored only after the mail had left, and a node dying in between would take a mailed code with it.
     */
    private String issueBeforeMailing(KeycloakSession job, String userId, ResetCodeSettings settings) {
        return KeycloakModelUtils.runJobInTransactionWithResult(job.getKeycloakSessionFactory(), store -> {
            RealmModel realm = ResetJob.enter(store, realmId);
            return new ResetCodeStore(store, settings, outcomes).issue(realm, store.users().getUserById(realm, userId));
        });
    }

    /** Never the email. */
    @Override
    public String toString() {
        return "CodeMailJob[realm " + realmId + "]";
    }
}
