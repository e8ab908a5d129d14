package io.customerauth.keycloak.logintiming;

import org.keycloak.models.KeycloakSession;

/**
 * When this request's login began, for every even-timing step of its flow: a refusal is padded, and a verification's
 * cost learned, from that one instant. Measured from each step's own start instead, a refusal by the password step
 * ran the username step's work (the account's lookup, its brute-force status) on top of the floor while a refusal by
 * the username step did not, and under load that work is what grows.
 */
final class LoginStart {

    private static final String ATTRIBUTE = LoginStart.class.getName();

    private LoginStart() {
    }

    /** The instant the first even-timing step of this request saw, which is {@code now} when this step is the first. */
    static long of(KeycloakSession session, long now) {
        Long started = session.getAttribute(ATTRIBUTE, Long.class);
        if (started != null) {
            return started;
        }
        session.setAttribute(ATTRIBUTE, now);
        return now;
    }
}
