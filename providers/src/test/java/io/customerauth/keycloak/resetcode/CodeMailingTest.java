package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A forgot-password request's job after the answer, with its stores in memory: one outcome per run. */
class CodeMailingTest {

    private static final RealmModel REALM = Models.realm("realm-1", Map.of());

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final RecordingMail mail = new RecordingMail();
    private final RecordingEvents events = new RecordingEvents();
    private final ResetCodeCounts counts = new ResetCodeCounts();
    private ResetCodeSettings settings = settings(300);

    @Test
    void aKnownCustomerGetsACodeTheStoreAccepts() {
        UserModel ana = accounts.add("u-ana", "ana@example.test", true);

        mailing().mailCodeTo("ana@example.test");

        assertThat(mail.sent).singleElement().satisfies(sent -> assertThat(sent).startsWith("code u-ana "));
        String code = mail.sent.get(0).substring("code u-ana ".length());
        assertThat(codes().check(REALM, ana, code)).isTrue();
        assertThat(events.recorded).containsExactly("code_mailed u-ana");
        assertThat(counts.of(ResetCodeOutcome.MAILED)).isEqualTo(1);
        assertThat(counts.requestOutcomes()).isEqualTo(1);
    }

    @Test
    void unknownAndDisabledAccountsGetNoMailNoEventAndCountAsNoAccount() {
        accounts.add("u-off", "off@example.test", false);

        mailing().mailCodeTo("nobody@example.test");
        mailing().mailCodeTo("off@example.test");

        assertThat(mail.sent).isEmpty();
        assertThat(events.recorded).isEmpty();
        assertThat(counts.of(ResetCodeOutcome.NO_ACCOUNT)).isEqualTo(2);
        assertThat(counts.requestOutcomes()).isEqualTo(2);
    }

    @Test
    void aSecondRequestWithinTheThrottleSendsNothing() {
        accounts.add("u-ana", "ana@example.test", true);

        mailing().mailCodeTo("ana@example.test");
        mailing().mailCodeTo("ana@example.test");

        assertThat(mail.sent).hasSize(1);
        assertThat(counts.of(ResetCodeOutcome.THROTTLED)).isEqualTo(1);
        assertThat(counts.requestOutcomes()).isEqualTo(2);
    }

    @Test
    void overTheRealmsMailLimitTheCustomerGetsAnEventNotAMail() {
        settings = settings(1);
        accounts.add("u-ana", "ana@example.test", true);
        accounts.add("u-bob", "bob@example.test", true);

        mailing().mailCodeTo("ana@example.test");
        mailing().mailCodeTo("bob@example.test");

        assertThat(mail.sent).singleElement().satisfies(sent -> assertThat(sent).startsWith("code u-ana "));
        assertThat(events.recorded).containsExactly("code_mailed u-ana", "realm_mail_limit u-bob 1 per 60 s");
        assertThat(counts.of(ResetCodeOutcome.DROPPED_LIMIT)).isEqualTo(1);
        assertThat(counts.requestOutcomes()).isEqualTo(2);
    }

    @Test
    void anSmtpFailureIsAnEventAndItsOwnOutcome() {
        accounts.add("u-ana", "ana@example.test", true);
        mail.failing = true;

        mailing().mailCodeTo("ana@example.test");

        assertThat(events.recorded).containsExactly("code_mail_failed u-ana");
        assertThat(counts.of(ResetCodeOutcome.MAIL_FAILED)).isEqualTo(1);
        assertThat(counts.requestOutcomes()).isEqualTo(1);
    }

    private CodeMailing mailing() {
        return new CodeMailing(REALM.getId(), "customers", settings, accounts, store,
                user -> codes().issue(REALM, user), mail, events, counts.outcomes);
    }

    private ResetCodeStore codes() {
        return new ResetCodeStore(store, settings, counts.outcomes);
    }

    private static ResetCodeSettings settings(int mailsPerRealm) {
        return new ResetCodeSettings(600, 5, 60, new Limit(10, 600), new Limit(mailsPerRealm, 60));
    }
}
