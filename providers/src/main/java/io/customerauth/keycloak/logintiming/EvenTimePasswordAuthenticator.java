package io.customerauth.keycloak.logintiming;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import java.util.Optional;

/**
 * Keycloak's direct-grant password step ({@link ValidatePassword}), made to take the same time whatever the account
 * holds. Where there is no stored password (customers imported without a hash), Keycloak answers at once; this step
 * pays the realm's dummy hash first, as Keycloak does for an unknown user. Every verification's time is learned per
 * algorithm, and a refusal takes at least the node's {@link FailedLoginFloor failed-login floor}, so a cheap legacy
 * hash is padded up to the realm's costliest one. In Keycloak an authenticator of this kind is its own factory.
 */
public final class EvenTimePasswordAuthenticator extends ValidatePassword {

    public static final String PROVIDER_ID = "customer-validate-password";
    private static final String UNREADABLE = "unreadable";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        FailedLoginFloor floor = FailedLoginFloor.NODE;
        long start = floor.now();
        Optional<String> algorithm = storedAlgorithm(context.getUser());
        if (algorithm.isEmpty()) {
            AuthenticatorUtils.dummyHash(context);
            floor.record(realmAlgorithm(context.getRealm()), floor.now() - start);
        }
        long verifyStart = floor.now();
        super.authenticate(context);
        algorithm.ifPresent(stored -> floor.record(stored, floor.now() - verifyStart));
        if (FlowStep.refused(context)) {
            floor.padFailure(start);
        }
    }

    /** The algorithm of the user's stored password; empty when there is none to verify. */
    private static Optional<String> storedAlgorithm(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst()
                .map(EvenTimePasswordAuthenticator::algorithmOf);
    }

    private static String algorithmOf(CredentialModel credential) {
        try {
            String algorithm = PasswordCredentialModel.createFromCredentialModel(credential)
                    .getPasswordCredentialData().getAlgorithm();
            return algorithm == null ? UNREADABLE : algorithm;
        } catch (RuntimeException unreadable) {
            return UNREADABLE;
        }
    }

    private static String realmAlgorithm(RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        String algorithm = policy == null ? null : policy.getHashAlgorithm();
        return algorithm == null ? "realm-default" : algorithm;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Password (even timing)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's direct-grant password validation; a refusal takes as long as the costliest password check"
                + " of the realm, also for accounts without a password, so timing reveals nothing about the account.";
    }
}
