package io.customerauth.keycloak.resetcode;

import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts in memory: passwords as set, a policy that refuses the passwords it is told to, what was done to whom. */
final class InMemoryAccounts implements ResetAccounts {

    private final Map<String, UserModel> byEmail = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final List<String> refusedPasswords = new ArrayList<>();
    final List<String> signedOut = new ArrayList<>();
    final List<String> failuresCleared = new ArrayList<>();

    UserModel add(String id, String email, boolean enabled) {
        UserModel user = Models.customer(id, email, enabled);
        byEmail.put(email, user);
        return user;
    }

    void policyRefuses(String password) {
        refusedPasswords.add(password);
    }

    String password(UserModel user) {
        return passwords.get(user.getId());
    }

    @Override
    public UserModel byEmail(String email) {
        return byEmail.get(email);
    }

    @Override
    public Optional<String> passwordRefusal(UserModel user, String password) {
        return refusedPasswords.contains(password) ? Optional.of("Invalid password: password is not allowed.")
                : Optional.empty();
    }

    @Override
    public void setPassword(UserModel user, String password) {
        passwords.put(user.getId(), password);
    }

    @Override
    public void signOutEverywhere(UserModel user) {
        signedOut.add(user.getId());
    }

    @Override
    public void clearLoginFailures(UserModel user) {
        failuresCleared.add(user.getId());
    }
}
