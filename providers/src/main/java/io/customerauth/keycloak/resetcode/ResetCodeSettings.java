package io.customerauth.keycloak.resetcode;

import org.keycloak.models.RealmModel;

/**
 * A realm's verification-code settings, with their defaults.
 *
 * <p>The lifetime is Keycloak's own "Forgot password" action lifespan (Realm settings, Tokens, override of the
 * user-initiated action lifespan), so admins find it where they expect; the realm export sets it to 10 minutes.
 * The number of tries and the throttle are realm attributes {@value #MAX_ATTEMPTS} and {@value #THROTTLE_SECONDS}.
 */
public record ResetCodeSettings(int lifetimeSeconds, int maxAttempts, int throttleSeconds) {

    public static final String LIFETIME_ACTION = "reset-credentials";
    public static final String MAX_ATTEMPTS = "customerAuth.resetCode.maxAttempts";
    public static final String THROTTLE_SECONDS = "customerAuth.resetCode.throttleSeconds";
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final int DEFAULT_THROTTLE_SECONDS = 60;

    public static ResetCodeSettings of(RealmModel realm) {
        return new ResetCodeSettings(
                Math.max(1, realm.getActionTokenGeneratedByUserLifespan(LIFETIME_ACTION)),
                Math.max(1, intAttribute(realm, MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS)),
                Math.max(0, intAttribute(realm, THROTTLE_SECONDS, DEFAULT_THROTTLE_SECONDS)));
    }

    public int lifetimeMinutes() {
        return Math.max(1, (lifetimeSeconds + 59) / 60);
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
