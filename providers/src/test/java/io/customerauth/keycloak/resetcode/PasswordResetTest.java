package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reset password with its stores in memory: the code, the policy, and what follows a new password. */
class PasswordResetTest {

    private static final RealmModel REALM = Models.realm("realm-1", Map.of());
    private static final ResetCodeSettings SETTINGS = new ResetCodeSettings(600, 5, 60, new Limit(10, 600),
            new Limit(300, 60));

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final RecordingEvents events = new RecordingEvents();
    private final RecordingJobs jobs = new RecordingJobs();
    private final ResetCodeCounts counts = new ResetCodeCounts();
    private final ResetCodeStore codes = new ResetCodeStore(store, SETTINGS, counts.outcomes);
    private final PasswordReset reset = new PasswordReset(REALM, accounts, codes, events, counts.outcomes,
            new PasswordChanged(REALM.getId(), accounts, jobs));
    private final UserModel ana = accounts.add("u-ana", "ana@example.test", true);

    @Test
    void theRightCodeSetsThePasswordEndsEverySessionAndLeavesTheNoticeForAfterTheAnswer() {
        String code = codes.issue(REALM, ana);

        assertThat(reset.reset("ana@example.test", code, "New-Secret-42")).isInstanceOf(PasswordReset.Done.class);

        assertThat(accounts.password(ana)).isEqualTo("New-Secret-42");
        assertThat(accounts.signedOut).containsExactly("u-ana");
        assertThat(accounts.failuresCleared).containsExactly("u-ana");
        assertThat(jobs.queued).singleElement().isEqualTo(new PasswordChangedMailJob("realm-1", "u-ana"));
        assertThat(events.recorded).containsExactly("password_reset u-ana");
        assertThat(counts.of(ResetCodeOutcome.USED)).isEqualTo(1);
        assertThat(reset.reset("ana@example.test", code, "Other-Secret-43"))
                .as("the code works once").isInstanceOf(PasswordReset.InvalidCode.class);
    }

    @Test
    void aWrongCodeAndAnUnknownEmailGetTheSameAnswerAndOnlyTheRealAccountAnEvent() {
        codes.issue(REALM, ana);

        assertThat(reset.reset("ana@example.test", "not-the-code", "New-Secret-42"))
                .isInstanceOf(PasswordReset.InvalidCode.class);
        assertThat(reset.reset("nobody@example.test", "not-the-code", "New-Secret-42"))
                .isInstanceOf(PasswordReset.InvalidCode.class);

        assertThat(events.recorded).containsExactly("wrong_code u-ana");
        assertThat(accounts.password(ana)).isNull();
    }

    @Test
    void aPasswordThePolicyRefusesLeavesTheCodeUsable() {
        String code = codes.issue(REALM, ana);
        accounts.policyRefuses("password1");

        PasswordReset.Outcome refused = reset.reset("ana@example.test", code, "password1");

        assertThat(refused).isEqualTo(new PasswordReset.PasswordRefused("Invalid password: password is not allowed."));
        assertThat(events.recorded).containsExactly("password_refused u-ana");
        assertThat(reset.reset("ana@example.test", code, "New-Secret-42")).isInstanceOf(PasswordReset.Done.class);
    }

    /** The notice is no forgot-password request: its drop is the queue's to count, never a reset-code outcome. */
    @Test
    void aNoticeDroppedByAFullQueueIsNoResetCodeOutcome() {
        String code = codes.issue(REALM, ana);
        jobs.full = true;

        assertThat(reset.reset("ana@example.test", code, "New-Secret-42")).isInstanceOf(PasswordReset.Done.class);

        assertThat(jobs.dropped).extracting(job -> job.name()).containsExactly(PasswordChangedMailJob.NAME);
        assertThat(counts.of(ResetCodeOutcome.USED)).isEqualTo(1);
        assertThat(counts.requestOutcomes()).isZero();
    }
}
