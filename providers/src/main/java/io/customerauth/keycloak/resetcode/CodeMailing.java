package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import io.customerauth.keycloak.resetcode.WindowLimit.Verdict;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * A forgot-password request's work after the answer: mails a fresh verification code to the account with this email,
 * if there is one that can use it, at most one mail per user per throttle period and within the realm's mail limit.
 * Each run ends in exactly one {@link ResetCodeOutcome}. A refusal is an event and a log line, never the email or the
 * code.
 */
final class CodeMailing {

    private static final Logger LOG = Logger.getLogger(CodeMailing.class);
    private static final String THROTTLE_PREFIX = "customer-auth:reset-throttle:";

    private final String realmId;
    private final String realmName;
    private final ResetCodeSettings settings;
    private final ResetAccounts accounts;
    private final SingleUseObjectProvider store;
    private final CodeIssuer issuer;
    private final ResetMail mail;
    private final ResetEvents events;
    private final ResetCodeOutcomes outcomes;

    CodeMailing(String realmId, String realmName, ResetCodeSettings settings, ResetAccounts accounts,
                SingleUseObjectProvider store, CodeIssuer issuer, ResetMail mail, ResetEvents events,
                ResetCodeOutcomes outcomes) {
        this.realmId = realmId;
        this.realmName = realmName;
        this.settings = settings;
        this.accounts = accounts;
        this.store = store;
        this.issuer = issuer;
        this.mail = mail;
        this.events = events;
        this.outcomes = outcomes;
    }

    /** Stores a new code for the user and returns it; the store has it (on every node) before the mail goes out. */
    @FunctionalInterface
    interface CodeIssuer {
        String issue(UserModel user);
    }

    void mailCodeTo(String email) {
        UserModel user = accounts.byEmail(email);
        if (user == null || !user.isEnabled() || user.getEmail() == null) {
            outcomes.count(ResetCodeOutcome.NO_ACCOUNT);
            return;
        }
        if (isThrottled(user)) {
            LOG.debugf("verification code for user %s throttled", user.getId());
            outcomes.count(ResetCodeOutcome.THROTTLED);
            return;
        }
        Verdict mailVerdict = new ResetLimits(store, realmId, settings).admitMail();
        if (!mailVerdict.admitted()) {
            Limit limit = settings.perRealm();
            if (mailVerdict == Verdict.REFUSED_FIRST) {
                LOG.warnf("realm %s reached its limit of %d verification-code mails per %d s: no more until the"
                        + " window ends (user %s and the next ones get none)", realmName, limit.count(),
                        limit.windowSeconds(), user.getId());
            } else {
                LOG.debugf("verification-code mail for user %s over the realm's limit dropped", user.getId());
            }
            events.realmMailLimitReached(user, limit.count() + " per " + limit.windowSeconds() + " s");
            outcomes.count(ResetCodeOutcome.DROPPED_LIMIT);
            return;
        }
        String code = issuer.issue(user);
        try {
            mail.sendResetCode(user, code, settings.lifetimeMinutes());
            events.codeMailed(user);
            outcomes.count(ResetCodeOutcome.MAILED);
        } catch (EmailException e) {
            LOG.warnf("could not mail a verification code to user %s: %s", user.getId(), CustomerMail.describe(e));
            events.codeMailFailed(user);
            outcomes.count(ResetCodeOutcome.MAIL_FAILED);
        }
    }

    /** At most one mail per throttle period; the atomic putIfAbsent makes that hold across a cluster. */
    private boolean isThrottled(UserModel user) {
        return settings.throttleSeconds() > 0
                && !store.putIfAbsent(THROTTLE_PREFIX + realmId + ":" + user.getId(), settings.throttleSeconds());
    }
}
