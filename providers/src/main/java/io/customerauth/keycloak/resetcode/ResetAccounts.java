package io.customerauth.keycloak.resetcode;

import org.keycloak.models.UserModel;

import java.util.Optional;

/** The realm's accounts as forgot and reset password use them; {@link RealmAccounts} is Keycloak's. */
interface ResetAccounts {

    /** The account with this email, or null. */
    UserModel byEmail(String email);

    /** Why the realm's password policy refuses this password for this user, as Keycloak's pages say it; or empty. */
    Optional<String> passwordRefusal(UserModel user, String password);

    /** Sets the password, as a permanent one, through the realm's credential manager. */
    void setPassword(UserModel user, String password);

    /** As the admin console's "Sign out": tokens issued before now stop working, live sessions end. */
    void signOutEverywhere(UserModel user);

    /** Brute-force failures, and a permanent lockout, are cleared. */
    void clearLoginFailures(UserModel user);
}
