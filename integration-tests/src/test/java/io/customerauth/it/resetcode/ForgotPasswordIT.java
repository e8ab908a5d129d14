package io.customerauth.it.resetcode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.ServerMetrics;
import io.customerauth.it.harness.Timing;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class ForgotPasswordIT {

    private final Api api;
    private final Customers customers;
    private final Mailbox mailbox;
    private final ServerMetrics metrics;
    private final ResetFlow flow;

    ForgotPasswordIT(Api api, Customers customers, Mailbox mailbox, ServerMetrics metrics) {
        this.api = api;
        this.customers = customers;
        this.mailbox = mailbox;
        this.metrics = metrics;
        this.flow = new ResetFlow(api, mailbox);
    }

    @Test
    void knownUnknownDisabledEmaillessAndLockedOutAccountsGetByteIdenticalAnswersAndOnlyTheKnownOneAMail(
            RealmResource realm) {
        Customer known = customers.create();
        Customer disabled = customers.create();
        customers.disable(disabled);
        Customer locked = customers.create();
        for (int i = 0; i < 6; i++) {
            api.login(locked.email(), "Wrong-password-" + i);
        }
        String emailless = "emailless-" + System.nanoTime() + "@example.test";
        UserRepresentation noEmail = new UserRepresentation();
        noEmail.setUsername(emailless);
        noEmail.setEnabled(true);
        noEmail.setAttributes(Map.of("customer_id", List.of(java.util.UUID.randomUUID().toString()),
                "country", List.of("FR"), "language", List.of("en")));
        realm.users().create(noEmail).close();
        String unknown = "unknown-" + System.nanoTime() + "@example.test";

        ServerMetrics.Snapshot before = metrics.scrape();
        List<Api.Response> answers = new ArrayList<>();
        for (String email : List.of(known.email(), unknown, disabled.email(), emailless, locked.email())) {
            answers.add(flow.forgot(email));
        }

        for (Api.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(ResetFlow.SENT);
            assertThat(answer.header("Content-Type")).isEqualTo(answers.get(0).header("Content-Type"));
            assertThat(answer.header("Cache-Control")).isEqualTo(answers.get(0).header("Cache-Control"));
            assertThat(answer.headers().map().keySet()).isEqualTo(answers.get(0).headers().map().keySet());
        }
        ResetFlow.awaitFinishedJobs(metrics, before, answers.size());
        mailbox.awaitMail(known.email());
        mailbox.awaitMail(locked.email());
        assertThat(mailbox.to(unknown)).isEmpty();
        assertThat(mailbox.to(disabled.email())).isEmpty();
        assertThat(mailbox.to(emailless)).isEmpty();
    }

    @Test
    void theAnswerTakesTheSameTimeWhetherOrNotTheAccountExists() {
        Customer known = customers.create();
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            knownNanos.add(timed(known.email()));
            unknownNanos.add(timed("nobody-" + i + "-" + System.nanoTime() + "@example.test"));
        }

        double knownMillis = Timing.medianMillis(knownNanos);
        double unknownMillis = Timing.medianMillis(unknownNanos);

        // the same work on the request thread either way; a few ms each, so the bound allows scheduling noise
        assertThat(Math.max(knownMillis, unknownMillis) / Math.min(knownMillis, unknownMillis))
                .as("ratio of the median answer times (known %.1f ms, unknown %.1f ms)", knownMillis, unknownMillis)
                .isLessThan(1.3);
    }

    @Test
    void aSecondRequestWithinTheThrottleAnswersAlikeButSendsNoSecondMail() {
        Customer customer = customers.create();

        Api.Response first = flow.forgot(customer.email());
        mailbox.awaitMail(customer.email());
        ServerMetrics.Snapshot before = metrics.scrape();
        Api.Response second = flow.forgot(customer.email());

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.body()).isEqualTo(first.body());
        ResetFlow.awaitFinishedJobs(metrics, before, 1);
        assertThat(metrics.scrape().value("customer_auth_reset_codes_total", "outcome", "throttled")
                - before.value("customer_auth_reset_codes_total", "outcome", "throttled")).isEqualTo(1);
        assertThat(mailbox.to(customer.email())).hasSize(1);
    }

    @Test
    void theMailIsInTheCustomersLanguage() {
        Customer english = customers.create(Customers.spec().language("en"));
        Customer french = customers.create(Customers.spec().language("fr"));

        flow.forgot(english.email());
        flow.forgot(french.email());

        Mailbox.Mail englishMail = mailbox.awaitMail(english.email());
        Mailbox.Mail frenchMail = mailbox.awaitMail(french.email());
        assertThat(englishMail.subject()).isEqualTo("Your verification code");
        assertThat(englishMail.text()).contains("expires in 10 minutes");
        assertThat(frenchMail.subject()).isEqualTo("Votre code de vérification");
        assertThat(frenchMail.text()).contains("expire dans 10 minutes");
    }

    @Test
    void aSuccessfulSendIsRecordedAsAnEvent(Events events) {
        Customer customer = customers.create();

        flow.forgotAndReadCode(customer.email());

        EventRepresentation sent = events.await(customer.id(), "SEND_RESET_PASSWORD");
        assertThat(sent.getClientId()).isEqualTo("customer-app");
        assertThat(sent.getDetails()).doesNotContainKey("code");
    }

    @Test
    void withTheSmtpServerDownTheAnswerIsTheSameAndAnErrorEventIsRecorded(Events events) {
        Customer customer = customers.create();
        Api.Response answer;
        mailbox.stop();
        try {
            answer = flow.forgot(customer.email());
            events.await(customer.id(), "SEND_RESET_PASSWORD_ERROR", Duration.ofSeconds(60));
        } finally {
            mailbox.restart();
        }

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(ResetFlow.SENT);
        assertThat(events.of(customer.id(), "SEND_RESET_PASSWORD_ERROR").get(0).getError())
                .isEqualTo("email_send_failed");
    }

    @Test
    void missingOrMalformedEmailAnswers400WithTheReason() {
        Api.Response missing = api.post("/forgot_password/", Map.of());
        Api.Response malformed = api.post("/forgot_password", Map.of("email", "not an email"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").path("email").get(0).asText())
                .isEqualTo("Missing data for required field.");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").path("email").get(0).asText())
                .isEqualTo("Not a valid email address.");
    }

    private long timed(String email) {
        long start = System.nanoTime();
        Api.Response response = flow.forgot(email);
        long elapsed = System.nanoTime() - start;
        assertThat(response.status()).isEqualTo(200);
        return elapsed;
    }

}
