package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.AfterResponseJobs;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What follows a reset's new password, on the API and on the login page ({@link ResetFinishAction}) alike: every
 * session ends, brute-force failures are cleared, and a "your password was changed" mail goes out after the answer.
 */
final class PasswordChanged {

    private final String realmId;
    private final ResetAccounts accounts;
    private final AfterResponseJobs jobs;

    PasswordChanged(String realmId, ResetAccounts accounts, AfterResponseJobs jobs) {
        this.realmId = realmId;
        this.accounts = accounts;
        this.jobs = jobs;
    }

    static PasswordChanged of(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return new PasswordChanged(realm.getId(), new RealmAccounts(session, realm),
                session.getProvider(AfterResponseJobs.class));
    }

    void after(UserModel user) {
        accounts.signOutEverywhere(user);
        accounts.clearLoginFailures(user);
        jobs.enlist(new PasswordChangedMailJob(realmId, user.getId()));
    }
}
