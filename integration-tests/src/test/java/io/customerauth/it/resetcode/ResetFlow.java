package io.customerauth.it.resetcode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.Mailbox;

import java.time.Duration;
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

    String forgotAndReadCode(String email) {
        int before = mailbox.to(email).size();
        Api.Response response = forgot(email);
        if (response.status() != 200) {
            throw new AssertionError("forgot_password failed: " + response);
        }
        return awaitCode(email, before + 1);
    }
}
