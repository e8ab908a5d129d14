package io.customerauth.keycloak.resetcode;

import org.keycloak.models.RealmModel;

/**
 * A realm's forgot/reset-password settings, with their defaults: the one place that reads them.
 *
 * <p>The lifetime is Keycloak's own "Forgot password" action lifespan (Realm settings, Tokens, override of the
 * user-initiated action lifespan), so admins find it where they expect; the realm export sets it to 10 minutes.
 * The rest are realm attributes {@code customerAuth.resetCode.*} (admin REST API or realm JSON); a missing, blank or
 * malformed value means the default. A limit with a count of 0 is off.
 *
 * @param perAddress     forgot-password requests one client address may make per window, across the cluster
 * @param perRealm       verification-code mails the realm may send per window, across the cluster
 * @param maxQueuedJobs  the realm's after-response jobs (mails, lookups) waiting or running at once on one node
 */
public record ResetCodeSettings(int lifetimeSeconds, int maxAttempts, int throttleSeconds, Limit perAddress,
                                Limit perRealm, int maxQueuedJobs) {

    public static final String LIFETIME_ACTION = "reset-credentials";
    public static final String MAX_ATTEMPTS = "customerAuth.resetCode.maxAttempts";
    public static final String THROTTLE_SECONDS = "customerAuth.resetCode.throttleSeconds";
    public static final String REQUESTS_PER_ADDRESS = "customerAuth.resetCode.requestsPerAddress";
    public static final String ADDRESS_WINDOW_SECONDS = "customerAuth.resetCode.addressWindowSeconds";
    public static final String MAILS_PER_REALM = "customerAuth.resetCode.mailsPerRealm";
    public static final String REALM_WINDOW_SECONDS = "customerAuth.resetCode.realmWindowSeconds";
    public static final String MAX_QUEUED_JOBS = "customerAuth.resetCode.maxQueuedJobs";

    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final int DEFAULT_THROTTLE_SECONDS = 60;
    /** A person asks two or three times; a family or an office behind one NAT still fits; one source is cut to 60/h. */
    static final Limit DEFAULT_PER_ADDRESS = new Limit(10, 600);
    /** 5 mails a second: far above a shop's real peak, far below what gets a sender blocked by its mail provider. */
    static final Limit DEFAULT_PER_REALM = new Limit(300, 60);
    /** A minute of the realm's mail limit and more, waiting; beyond it the node is not keeping up anyway. */
    static final int DEFAULT_MAX_QUEUED_JOBS = 200;

    /** At most {@code count} per {@code windowSeconds} (fixed windows); a count of 0 turns the limit off. */
    public record Limit(int count, int windowSeconds) {

        public boolean isOff() {
            return count <= 0;
        }
    }

    public static ResetCodeSettings of(RealmModel realm) {
        return new ResetCodeSettings(
                Math.max(1, realm.getActionTokenGeneratedByUserLifespan(LIFETIME_ACTION)),
                Math.max(1, intAttribute(realm, MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS)),
                Math.max(0, intAttribute(realm, THROTTLE_SECONDS, DEFAULT_THROTTLE_SECONDS)),
                limit(realm, REQUESTS_PER_ADDRESS, ADDRESS_WINDOW_SECONDS, DEFAULT_PER_ADDRESS),
                limit(realm, MAILS_PER_REALM, REALM_WINDOW_SECONDS, DEFAULT_PER_REALM),
                Math.max(1, intAttribute(realm, MAX_QUEUED_JOBS, DEFAULT_MAX_QUEUED_JOBS)));
    }

    public int lifetimeMinutes() {
        return Math.max(1, (lifetimeSeconds + 59) / 60);
    }

    private static Limit limit(RealmModel realm, String countName, String windowName, Limit fallback) {
        return new Limit(Math.max(0, intAttribute(realm, countName, fallback.count())),
                Math.max(1, intAttribute(realm, windowName, fallback.windowSeconds())));
    }

    private static int intAttribute(RealmModel realm, String name, int fallback) {
        String value = realm.getAttribute(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
