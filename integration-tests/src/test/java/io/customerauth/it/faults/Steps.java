package io.customerauth.it.faults;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.Mailbox;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What a scenario does as one customer, outside the load: ask for a code and read it, reset, log in. */
final class Steps {

    private Steps() {
    }

    /** Asks for a code through this node and returns it from the mail (waiting up to {@code wait}). */
    static String askCode(Api api, Mailbox mailbox, String email, Duration wait) {
        int before = mailbox.to(email).size();
        Api.Response response = api.post("/forgot_password/", Map.of("email", email));
        if (response.status() != 200) {
            throw new IllegalStateException("forgot_password answered " + response);
        }
        return mailbox.awaitMail(email, before + 1, wait).verificationCode();
    }

    static int reset(Api api, String email, String code, String password) {
        return api.post("/reset_password/", Map.of("email", email, "verification_code", code, "password", password))
                .status();
    }

    static int login(Api api, String email, String password) {
        return api.login(email, password).status();
    }

    static String newPassword(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "-Pw9";
    }
}
