package io.customerauth.keycloak.resetcode;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The "your password was changed" notice after a reset. Not a forgot-password request: it has no outcome there. */
record PasswordChangedMailJob(String realmId, String userId) implements ResetJob {

    static final String NAME = "password_changed_mail";
    private static final Logger LOG = Logger.getLogger(PasswordChangedMailJob.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        RealmModel realm = ResetJob.enter(session, realmId);
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null || user.getEmail() == null) {
            return;
        }
        try {
            new CustomerMail(session, realm).sendPasswordChanged(user);
        } catch (EmailException e) {
            LOG.warnf("could not mail the password-changed notice to user %s: %s", userId, CustomerMail.describe(e));
        }
    }
}
