package io.customerauth.it.resetcode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.ResetCodeStep;
import io.customerauth.it.harness.ServerLog;
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

    ForgotPasswordFloodIT(Api api, Customers customers, Mailbox mailbox, Events events, RealmResource realm) {
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

    @Test
    void whenTheRealmsShareOfTheMailQueueIsFullTheNextRequestIsDroppedAndReported(ServerLog log) {
        Instant start = Instant.now();
        Customer first = customers.create();
        Customer second = customers.create();
        Customer third = customers.create();
        List<Api.Response> answers = new ArrayList<>();
        try (ResetCodeStep ignored = ResetCodeStep.set(realm, Map.of(ResetCodeStep.MAX_QUEUED_JOBS, "2"));
             HeldSmtpServer smtp = HeldSmtpServer.pointRealmAt(realm)) {
            answers.add(flow.forgot(first.email()));
            answers.add(flow.forgot(second.email()));
            smtp.awaitHeld(2, WAIT);
            answers.add(flow.forgot(third.email()));

            EventRepresentation dropped = events.awaitError(SEND_ERROR, "mail_queue_full", start, WAIT);
            assertThat(dropped.getDetails()).containsKey("dropped_jobs");
            assertThat(dropped.getIpAddress()).isEqualTo("127.0.0.1");
            smtp.release();
            assertThat(events.await(first.id(), SEND_ERROR, WAIT).getError()).isEqualTo("email_send_failed");
            assertThat(events.await(second.id(), SEND_ERROR, WAIT).getError()).isEqualTo("email_send_failed");
        }

        assertSameAnswers(answers);
        // The third job was never queued (the drop event says so): no event or mail can come for it.
        assertThat(events.of(third.id(), "SEND_RESET_PASSWORD", SEND_ERROR)).isEmpty();
        assertThat(mailbox.to(third.email())).isEmpty();
        assertThat(log.text()).contains("customer-auth mail queue full for realm customers");
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
