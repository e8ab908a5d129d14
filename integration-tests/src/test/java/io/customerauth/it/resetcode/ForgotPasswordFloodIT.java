package io.customerauth.it.resetcode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.ResetCodeStep;
import io.customerauth.it.harness.ServerLog;
import io.customerauth.it.harness.ServerMetrics;
import io.customerauth.it.harness.TestStack;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forgot password cannot be used to flood: limits per client address and per realm, and a bounded queue for the work
 * after the answer. Every request here comes from 127.0.0.1 (the harness trusts no proxy header), so each test lowers
 * a realm limit for itself, with a window length of its own so that earlier tests' requests do not count, and puts it
 * back. A limited request always gets the usual answer; the drop shows as an event and a log line.
 */
@CustomerAuthIT
class ForgotPasswordFloodIT {

    private static final String SEND_ERROR = "SEND_RESET_PASSWORD_ERROR";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Customers customers;
    private final Mailbox mailbox;
    private final Events events;
    private final RealmResource realm;
    private final ResetFlow flow;
    private final ServerMetrics metrics;

    ForgotPasswordFloodIT(Api api, Customers customers, Mailbox mailbox, Events events, RealmResource realm,
                          ServerMetrics metrics) {
        this.metrics = metrics;
        this.customers = customers;
        this.mailbox = mailbox;
        this.events = events;
        this.realm = realm;
        this.flow = new ResetFlow(api, mailbox);
    }

    @Test
    void requestsFromOneAddressOverItsLimitGetTheUsualAnswerButNoMailAndTheFirstIsReported(ServerLog log) {
        Instant start = Instant.now();
        List<Customer> five = IntStream.range(0, 5).mapToObj(i -> customers.create()).toList();
        List<Api.Response> answers = new ArrayList<>();
        try (ResetCodeStep ignored = ResetCodeStep.set(realm, Map.of(
                ResetCodeStep.REQUESTS_PER_ADDRESS, "3", ResetCodeStep.ADDRESS_WINDOW, windowOfItsOwn()))) {
            for (Customer customer : five) {
                answers.add(flow.forgot(customer.email()));
            }
        }

        assertSameAnswers(answers);
        for (Customer admitted : five.subList(0, 3)) {
            mailbox.awaitMail(admitted.email());
        }
        EventRepresentation dropped = events.awaitError(SEND_ERROR, "address_limit_exceeded", start, WAIT);
        assertThat(dropped.getIpAddress()).isEqualTo("127.0.0.1");
        assertThat(dropped.getUserId()).isNull();
        assertThat(dropped.getDetails().get("reason")).startsWith("3 per ");
        // The limit is decided before the answer and the admitted mails have all arrived: nothing is still coming.
        assertThat(mailbox.to(five.get(3).email())).isEmpty();
        assertThat(mailbox.to(five.get(4).email())).isEmpty();
        assertThat(events.errors(SEND_ERROR, "address_limit_exceeded", start)).as("reported once a window").hasSize(1);
        String overLimit = log.lines().stream().filter(line -> line.contains("over the realm's limit of 3 per"))
                .findFirst().orElseThrow(() -> new AssertionError("no log line for the address over its limit"));
        assertThat(overLimit).contains("[127.0.0.1]").contains("[/auth/forgot_password/]");
        assertThat(log.text()).doesNotContain(five.get(3).email()).doesNotContain(five.get(4).email());
    }

    @Test
    void mailsOverTheRealmsLimitAreDroppedEachAsAnEventOnItsCustomer(ServerLog log) {
        List<Customer> four = IntStream.range(0, 4).mapToObj(i -> customers.create()).toList();
        List<Api.Response> answers = new ArrayList<>();
        List<EventRepresentation> outcomes = new ArrayList<>();
        try (ResetCodeStep ignored = ResetCodeStep.set(realm, Map.of(
                ResetCodeStep.MAILS_PER_REALM, "2", ResetCodeStep.REALM_WINDOW, windowOfItsOwn()))) {
            for (Customer customer : four) {
                answers.add(flow.forgot(customer.email()));
            }
            for (Customer customer : four) {
                outcomes.add(events.awaitAny(customer.id(), WAIT, "SEND_RESET_PASSWORD", SEND_ERROR));
            }
        }

        assertSameAnswers(answers);
        List<String> sent = outcomes.stream().filter(e -> e.getType().equals("SEND_RESET_PASSWORD"))
                .map(EventRepresentation::getUserId).toList();
        List<EventRepresentation> dropped = outcomes.stream().filter(e -> e.getType().equals(SEND_ERROR)).toList();
        assertThat(sent).hasSizeLessThanOrEqualTo(2);
        assertThat(dropped).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(event.getError()).isEqualTo("realm_mail_limit_exceeded"));
        String logText = log.text();
        for (Customer customer : four) {
            if (sent.contains(customer.id())) {
                mailbox.awaitMail(customer.email());
            } else {
                // Its job ended with the drop event: no mail can follow, and neither the drop's line nor its event
                // (which Keycloak's event logger writes to the log too) names the email.
                assertThat(mailbox.to(customer.email())).isEmpty();
                assertThat(logText).doesNotContain(customer.email());
            }
        }
        assertThat(logText).contains("reached its limit of 2 verification-code mails per");
    }

    /**
     * The realm's share of the server's queue of jobs after the answer ({@code jobs-per-realm}, a server option the
     * harness sets) is filled: every thread holds a code mail on an SMTP server that never answers, and unknown
     * emails' lookups wait behind them. Then a request's job is dropped, not run late: the usual answer, no mail, no
     * event of its own, one report for the realm; and each forgot-password request counts exactly one outcome in
     * {@code customer_auth_reset_codes_total}, also the one over the address limit whose event job is dropped too,
     * while a reset's dropped "password changed" notice counts as no reset code at all. Every dropped job counts
     * under its own name in {@code customer_auth_after_response_jobs_dropped_total}.
     */
    @Test
    void whenTheRealmsShareOfTheQueueIsFullEachRequestCountsOneOutcomeAndTheDropIsReported(ServerLog log) {
        Customer resetter = customers.create();
        ServerMetrics.Snapshot beforeCode = metrics.scrape();
        String code = flow.forgotAndReadCode(resetter.email());
        ResetFlow.awaitFinishedJobs(metrics, beforeCode, 1);
        Instant start = Instant.now();
        List<Customer> held = IntStream.range(0, TestStack.AFTER_RESPONSE_THREADS)
                .mapToObj(i -> customers.create()).toList();
        Customer third = customers.create();
        List<Api.Response> answers = new ArrayList<>();
        ServerMetrics.Snapshot before = metrics.scrape();
        Api.Response reset;
        try (HeldSmtpServer smtp = HeldSmtpServer.pointRealmAt(realm)) {
            for (Customer customer : held) {
                answers.add(flow.forgot(customer.email()));
            }
            smtp.awaitHeld(held.size(), WAIT);
            for (int i = held.size(); i < TestStack.AFTER_RESPONSE_JOBS_PER_REALM; i++) {
                answers.add(flow.forgot("waiting-" + i + "-" + System.nanoTime() + "@example.test"));
            }
            answers.add(flow.forgot(third.email()));
            reset = flow.reset(resetter.email(), code, "Brand-New-Secret-42");
            try (ResetCodeStep ignored = ResetCodeStep.set(realm, Map.of(
                    ResetCodeStep.REQUESTS_PER_ADDRESS, "1", ResetCodeStep.ADDRESS_WINDOW, windowOfItsOwn()))) {
                answers.add(flow.forgot("admitted-" + System.nanoTime() + "@example.test"));
                answers.add(flow.forgot("over-the-limit-" + System.nanoTime() + "@example.test"));
            }

            EventRepresentation dropped = events.awaitError(SEND_ERROR, "mail_queue_full", start, WAIT);
            assertThat(dropped.getDetails()).containsKey("dropped_jobs");
            assertThat(dropped.getIpAddress()).isEqualTo("127.0.0.1");
            smtp.release();
            for (Customer customer : held) {
                assertThat(events.await(customer.id(), SEND_ERROR, WAIT).getError()).isEqualTo("email_send_failed");
            }
        }

        assertSameAnswers(answers);
        assertThat(reset.status()).isEqualTo(200);
        ResetFlow.awaitFinishedJobs(metrics, before, answers.size());
        ServerMetrics.Snapshot after = metrics.scrape();
        assertThat(ResetFlow.requestOutcomes(after) - ResetFlow.requestOutcomes(before))
                .as("reset-code outcomes of %d forgot-password requests", answers.size()).isEqualTo(answers.size());
        assertThat(increase(before, after, "customer_auth_reset_codes_total", "outcome", "dropped_queue_full"))
                .as("the third customer's and the admitted request's mail jobs").isEqualTo(2);
        assertThat(increase(before, after, "customer_auth_reset_codes_total", "outcome", "dropped_limit")).isEqualTo(1);
        assertThat(increase(before, after, "customer_auth_reset_codes_total", "outcome", "used")).isEqualTo(1);
        String droppedJobs = "customer_auth_after_response_jobs_dropped_total";
        assertThat(increase(before, after, droppedJobs, "kind", "reset_code_mail")).isEqualTo(2);
        assertThat(increase(before, after, droppedJobs, "kind", "address_limit_event")).isEqualTo(1);
        assertThat(increase(before, after, droppedJobs, "kind", "password_changed_mail")).isEqualTo(1);
        // The third job was never queued (the drop event says so): no event or mail can come for it.
        assertThat(events.of(third.id(), "SEND_RESET_PASSWORD", SEND_ERROR)).isEmpty();
        assertThat(mailbox.to(third.email())).isEmpty();
        assertThat(mailbox.to(resetter.email())).as("the code only, no notice").hasSize(1);
        assertThat(log.text()).contains("customer-auth after-response queue full for realm customers");
    }

    private static double increase(ServerMetrics.Snapshot before, ServerMetrics.Snapshot after, String name,
                                   String label, String value) {
        return after.value(name, label, value) - before.value(name, label, value);
    }

    private static void assertSameAnswers(List<Api.Response> answers) {
        for (Api.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(ResetFlow.SENT);
            assertThat(answer.headers().map().keySet()).isEqualTo(answers.get(0).headers().map().keySet());
        }
    }

    /**
     * A window of 12 to 23 days, different in every test: its slots are its own (a key names the window length), and
     * the test runs within one window but for a chance of about one in a million.
     */
    private static String windowOfItsOwn() {
        return Integer.toString(1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
