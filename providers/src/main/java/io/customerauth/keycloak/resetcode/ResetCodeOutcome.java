package io.customerauth.keycloak.resetcode;

import java.util.Locale;

/**
 * What became of a forgot-password request or of its code: the {@code outcome} label of
 * {@code customer_auth_reset_codes_total}. Every forgot-password request counts exactly once, in one of
 * {@code mailed}, {@code mail_failed}, {@code no_account}, {@code throttled}, {@code dropped_queue_full} or
 * {@code dropped_limit}: a request refused by the limit per address at once, any other when its job after the answer
 * ends or is dropped. {@code used} and {@code wrong_tries_exhausted} count codes, not requests.
 */
enum ResetCodeOutcome {
    MAILED, MAIL_FAILED, NO_ACCOUNT, THROTTLED, DROPPED_QUEUE_FULL, DROPPED_LIMIT, USED, WRONG_TRIES_EXHAUSTED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
