package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.AfterResponseJobs;
import io.customerauth.keycloak.afterresponse.CallerAddress;
import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import io.customerauth.keycloak.resetcode.WindowLimit.Verdict;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * "I forgot my password", while the caller waits: the limit per client address (cluster-wide, checked before any work
 * is queued), then the rest after the answer ({@link CodeMailJob}), so every caller gets the same answer in the same
 * time and nothing here depends on the account. A request over the limit is reported once per window (an event after
 * the answer and a warning), never with the email.
 */
public final class ForgotPassword {

    private static final Logger LOG = Logger.getLogger(ForgotPassword.class);

    private final String realmId;
    private final String clientId;
    private final ResetCodeSettings settings;
    private final SingleUseObjectProvider store;
    private final CallerAddress caller;
    private final AfterResponseJobs jobs;
    private final ResetCodeOutcomes outcomes;

    ForgotPassword(String realmId, String clientId, ResetCodeSettings settings, SingleUseObjectProvider store,
                   CallerAddress caller, AfterResponseJobs jobs, ResetCodeOutcomes outcomes) {
        this.realmId = realmId;
        this.clientId = clientId;
        this.settings = settings;
        this.store = store;
        this.caller = caller;
        this.jobs = jobs;
        this.outcomes = outcomes;
    }

    /** For this request of the session's realm, asked through the client {@code clientId}. */
    public static ForgotPassword of(KeycloakSession session, String clientId, ResetCodeOutcomes outcomes) {
        RealmModel realm = session.getContext().getRealm();
        return new ForgotPassword(realm.getId(), clientId, ResetCodeSettings.of(realm), session.singleUseObjects(),
                CallerAddress.of(session.getContext().getConnection()), session.getProvider(AfterResponseJobs.class),
                outcomes);
    }

    public void request(String email) {
        Verdict verdict = new ResetLimits(store, realmId, settings).admitRequestFrom(caller.getRemoteAddr());
        if (verdict.admitted()) {
            jobs.enlist(new CodeMailJob(realmId, clientId, email, caller, outcomes));
            return;
        }
        outcomes.count(ResetCodeOutcome.DROPPED_LIMIT);
        Limit limit = settings.perAddress();
        if (verdict == Verdict.REFUSED_FIRST) {
            LOG.warnf("forgot-password requests from this address over the realm's limit of %d per %d s: no mail"
                    + " for it until the window ends", limit.count(), limit.windowSeconds());
            jobs.enlist(new AddressLimitEventJob(realmId, clientId, caller,
                    limit.count() + " per " + limit.windowSeconds() + " s"));
        } else {
            LOG.debugf("forgot-password request over the per-address limit dropped");
        }
    }
}
