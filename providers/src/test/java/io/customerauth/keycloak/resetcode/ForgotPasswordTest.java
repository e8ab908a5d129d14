package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.afterresponse.CallerAddress;
import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request side of forgot password: the limit per address, and one outcome per request whatever the queue. */
class ForgotPasswordTest {

    private static final CallerAddress CALLER = new CallerAddress("198.51.100.7", "198.51.100.7", 40000);

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final RecordingJobs jobs = new RecordingJobs();
    private final ResetCodeCounts counts = new ResetCodeCounts();

    @Test
    void anAdmittedRequestLeavesItsMailForAfterTheAnswerAndCountsWhenThatEnds() {
        forgotPassword(10).request("ana@example.test");

        assertThat(jobs.queued).singleElement().isInstanceOf(CodeMailJob.class);
        assertThat(((CodeMailJob) jobs.queued.get(0)).email()).isEqualTo("ana@example.test");
        assertThat(counts.requestOutcomes()).isZero();
    }

    @Test
    void aRequestOverTheAddressLimitIsCountedAtOnceAndOnlyTheFirstOfAWindowIsReported() {
        ForgotPassword forgot = forgotPassword(1);

        forgot.request("ana@example.test");
        forgot.request("bob@example.test");
        forgot.request("eve@example.test");

        assertThat(jobs.queued).hasSize(2);
        assertThat(jobs.queued.get(1)).isInstanceOf(AddressLimitEventJob.class);
        assertThat(((AddressLimitEventJob) jobs.queued.get(1)).limit()).isEqualTo("1 per 600 s");
        assertThat(counts.of(ResetCodeOutcome.DROPPED_LIMIT)).isEqualTo(2);
    }

    /**
     * The promise of {@code customer_auth_reset_codes_total}: exactly one outcome per request. Under a full queue an
     * admitted request's mail job is dropped (its outcome), and the first request over the address limit, already
     * counted, also loses its event job: that drop is the queue's to count, not a second outcome.
     */
    @Test
    void underAFullQueueEveryRequestCountsExactlyOneOutcome() {
        ForgotPassword forgot = forgotPassword(2);
        jobs.full = true;

        for (String email : new String[] {"a@example.test", "b@example.test", "c@example.test", "d@example.test"}) {
            forgot.request(email);
        }

        assertThat(jobs.dropped).extracting(job -> job.name())
                .containsExactly(CodeMailJob.NAME, CodeMailJob.NAME, AddressLimitEventJob.NAME);
        assertThat(counts.of(ResetCodeOutcome.DROPPED_QUEUE_FULL)).isEqualTo(2);
        assertThat(counts.of(ResetCodeOutcome.DROPPED_LIMIT)).isEqualTo(2);
        assertThat(counts.requestOutcomes()).isEqualTo(4);
    }

    @Test
    void aJobWaitingInTheQueueHoldsNeitherTheSessionNorMoreThanItsStrings() {
        forgotPassword(10).request("ana@example.test");

        assertThat(jobs.queued.get(0).toString()).doesNotContain("ana@example.test");
        assertThat(CodeMailJob.class.getRecordComponents()).extracting(component -> component.getType().getSimpleName())
                .containsExactly("String", "String", "String", "CallerAddress", "ResetCodeOutcomes");
    }

    private ForgotPassword forgotPassword(int requestsPerAddress) {
        ResetCodeSettings settings = new ResetCodeSettings(600, 5, 60, new Limit(requestsPerAddress, 600),
                new Limit(300, 60));
        return new ForgotPassword("realm-1", "customer-app", settings, store, CALLER, jobs, counts.outcomes);
    }
}
