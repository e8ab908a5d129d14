package io.customerauth.keycloak.resetcode;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.BruteForceProtector;

import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ResetAccounts} in a realm of Keycloak's store. */
final class RealmAccounts implements ResetAccounts {

    private final KeycloakSession session;
    private final RealmModel realm;

    RealmAccounts(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public UserModel byEmail(String email) {
        return session.users().getUserByEmail(realm, email);
    }

    @Override
    public Optional<String> passwordRefusal(UserModel user, String password) {
        PolicyError error = session.getProvider(PasswordPolicyManagerProvider.class).validate(realm, user, password);
        return error == null ? Optional.empty() : Optional.of(new PolicyMessages(session).format(error));
    }

    @Override
    public void setPassword(UserModel user, String password) {
        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
    }

    @Override
    public void signOutEverywhere(UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        session.sessions().getUserSessionsStream(realm, user)
                .collect(Collectors.toList())
                .forEach(userSession -> AuthenticationManager.backchannelLogout(session, realm, userSession,
                        session.getContext().getUri(), session.getContext().getConnection(),
                        session.getContext().getRequestHeaders(), true));
    }

    @Override
    public void clearLoginFailures(UserModel user) {
        session.loginFailures().removeUserLoginFailure(realm, user.getId());
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        if (protector.isPermanentlyLockedOut(session, realm, user)) {
            protector.cleanUpPermanentLockout(session, realm, user);
        }
    }
}
