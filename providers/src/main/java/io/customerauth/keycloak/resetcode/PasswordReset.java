package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.AfterResponseJobs;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * Sets a new password with a verification code: the code is checked (one of its tries), then the realm's password
 * policy (a refusal gives the try back and leaves the code usable), then the code is used up atomically, the password
 * changed, and {@link PasswordChanged} ends every session, clears brute-force failures and mails a notice after the
 * answer; events are recorded.
 */
public final class PasswordReset {

    private final RealmModel realm;
    private final ResetAccounts accounts;
    private final ResetCodeStore codes;
    private final ResetEvents events;
    private final ResetCodeOutcomes outcomes;
    private final PasswordChanged changed;

    PasswordReset(RealmModel realm, ResetAccounts accounts, ResetCodeStore codes, ResetEvents events,
                  ResetCodeOutcomes outcomes, PasswordChanged changed) {
        this.realm = realm;
        this.accounts = accounts;
        this.codes = codes;
        this.events = events;
        this.outcomes = outcomes;
        this.changed = changed;
    }

    /** For this request of the session's realm, through the client {@code clientId}. */
    public static PasswordReset of(KeycloakSession session, String clientId, ResetCodeOutcomes outcomes) {
        RealmModel realm = session.getContext().getRealm();
        ResetAccounts accounts = new RealmAccounts(session, realm);
        return new PasswordReset(realm, accounts,
                new ResetCodeStore(session, ResetCodeSettings.of(realm), outcomes),
                new RealmResetEvents(session, realm, clientId, session.getContext().getConnection()), outcomes,
                new PasswordChanged(realm.getId(), accounts, session.getProvider(AfterResponseJobs.class)));
    }

    public sealed interface Outcome {
    }

    public record Done() implements Outcome {
    }

    /** Wrong, expired, used or unknown code, or unknown email: deliberately one case. */
    public record InvalidCode() implements Outcome {
    }

    public record PasswordRefused(String reason) implements Outcome {
    }

    public Outcome reset(String email, String code, String newPassword) {
        UserModel user = accounts.byEmail(email);
        if (user == null || !user.isEnabled()) {
            return new InvalidCode();
        }
        if (!codes.check(realm, user, code)) {
            events.wrongCode(user);
            return new InvalidCode();
        }
        Optional<String> refusal = accounts.passwordRefusal(user, newPassword);
        if (refusal.isPresent()) {
            events.passwordRefused(user);
            return new PasswordRefused(refusal.get());
        }
        if (!codes.consume(realm, user, code)) {
            events.wrongCode(user);
            return new InvalidCode();
        }
        outcomes.count(ResetCodeOutcome.USED);
        accounts.setPassword(user, newPassword);
        changed.after(user);
        events.passwordReset(user);
        return new Done();
    }
}
