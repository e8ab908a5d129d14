package io.customerauth.it.resetcode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.ServerMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The two reset routes as an app calls them, and the code as the customer reads it in the mail. */
final class ResetFlow {

    static final String SENT = "{\"message\":\"If you have an account, you will receive an email with instructions"
            + " to reset your password.\"}";
    static final String INVALID_CODE = "{\"message\":\"Invalid or expired verification code.\"}";

    private final Api api;
    private final Mailbox mailbox;

    ResetFlow(Api api, Mailbox mailbox) {
        this.api = api;
        this.mailbox = mailbox;
    }

    Api.Response forgot(String email) {
        return api.post("/forgot_password/", Map.of("email", email));
    }

    Api.Response reset(String email, String code, String password) {
        return api.post("/reset_password/", Map.of("email", email, "verification_code", code, "password", password));
    }

    /** The code in the {@code n}-th mail to this address. */
    String awaitCode(String email, int n) {
        return mailbox.awaitMail(email, n, Duration.ofSeconds(30)).verificationCode();
    }

    /** Every outcome of a forgot-password request (the pack's ResetCodeOutcome but used and wrong_tries_exhausted). */
    private static final List<String> JOB_OUTCOMES = List.of("mailed", "mail_failed", "no_account", "throttled",
            "dropped_queue_full", "dropped_limit");

    /**
     * Waits until the background jobs of {@code count} forgot-password requests sent after {@code before} have all
     * finished, as the server's own counters say: after that, a mail that has not arrived will not arrive.
     */
    static void awaitFinishedJobs(ServerMetrics metrics, ServerMetrics.Snapshot before, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        double finished = 0;
        while (Instant.now().isBefore(deadline)) {
            finished = requestOutcomes(metrics.scrape()) - requestOutcomes(before);
            if (finished >= count) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("only " + finished + " of " + count + " forgot-password jobs finished in 30 s");
    }

    /** The forgot-password requests counted so far: one outcome each. */
    static double requestOutcomes(ServerMetrics.Snapshot snapshot) {
        return JOB_OUTCOMES.stream()
                .mapToDouble(outcome -> snapshot.value("customer_auth_reset_codes_total", "outcome", outcome)).sum();
    }

    String forgotAndReadCode(String email) {
        int before = mailbox.to(email).size();
        Api.Response response = forgot(email);
        if (response.status() != 200) {
            throw new AssertionError("forgot_password failed: " + response);
        }
        return awaitCode(email, before + 1);
    }
}
