package io.customerauth.keycloak.logintiming;

import io.customerauth.keycloak.passwordhash.StoredHashCost;
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

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        FailedLoginFloor floor = context.getSession().getProvider(FailedLoginFloor.class);
        long start = LoginStart.of(context.getSession(), floor.now());
        Optional<StoredPassword> stored = storedPassword(context.getUser());
        if (stored.isEmpty()) {
            AuthenticatorUtils.dummyHash(context);
            floor.record(realmAlgorithm(context.getRealm()), floor.now() - start);
        }
        super.authenticate(context);
        // from the login's start: the username step's lookup before the hash is part of what a refusal here costs
        stored.filter(StoredPassword::hashes)
                .ifPresent(password -> floor.record(password.algorithm(), floor.now() - start));
        if (FlowStep.refused(context)) {
            floor.padFailure(start);
        }
    }

    /** The user's stored password, or empty when there is none to verify. */
    private static Optional<StoredPassword> storedPassword(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst()
                .map(EvenTimePasswordAuthenticator::describe);
    }

    private static StoredPassword describe(CredentialModel credential) {
        try {
            PasswordCredentialModel password = PasswordCredentialModel.createFromCredentialModel(credential);
            String algorithm = password.getPasswordCredentialData().getAlgorithm();
            return algorithm == null ? StoredPassword.UNREADABLE
                    : new StoredPassword(algorithm, StoredHashCost.exceeded(password).isEmpty());
        } catch (RuntimeException unreadable) {
            return StoredPassword.UNREADABLE;
        }
    }

    /**
     * A stored password's algorithm, and whether verifying it really hashes: one over the hash cost limits, or
     * unreadable, is refused at once, and its time says nothing of the algorithm's cost.
     */
    private record StoredPassword(String algorithm, boolean hashes) {
        static final StoredPassword UNREADABLE = new StoredPassword("unreadable", false);
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
