package io.customerauth.keycloak.resetcode;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Verification codes in Keycloak's {@link SingleUseObjectProvider}, so every node of a cluster sees the same codes.
 *
 * <p>That provider is one key space for the whole server: every key starts with the pack's prefix and is built only
 * from the realm's and the user's ids, never from request input. A code is kept only as a salted hash. Wrong tries
 * are counted by claiming numbered slots with the atomic {@code putIfAbsent}, so concurrent guesses cannot exceed
 * the limit; the code is used once through the atomic {@code remove}.
 */
final class ResetCodeStore {

    private static final String PREFIX = "customer-auth:reset-code:";
    private static final String HASH = "hash";
    private static final String SALT = "salt";
    private static final String ISSUE = "issue";
    private static final String EXPIRES_AT = "expiresAt";

    private final SingleUseObjectProvider store;
    private final ResetCodeSettings settings;

    ResetCodeStore(KeycloakSession session, ResetCodeSettings settings) {
        this.store = session.singleUseObjects();
        this.settings = settings;
    }

    /** A new code for the user, replacing any earlier one. The only time the plain code exists. */
    String issue(RealmModel realm, UserModel user) {
        String code = UUID.randomUUID().toString();
        String salt = ResetCodeHash.newSalt();
        int expiresAt = Time.currentTime() + settings.lifetimeSeconds();
        store.remove(key(realm, user));
        store.put(key(realm, user), settings.lifetimeSeconds(), Map.of(
                HASH, ResetCodeHash.of(code, salt),
                SALT, salt,
                ISSUE, UUID.randomUUID().toString(),
                EXPIRES_AT, Integer.toString(expiresAt)));
        return code;
    }

    /** Whether this is the user's live code; a wrong one uses up a try, and the last try kills the code. */
    boolean check(RealmModel realm, UserModel user, String code) {
        Map<String, String> entry = store.get(key(realm, user));
        if (entry == null || isExpired(entry)) {
            return false;
        }
        if (ResetCodeHash.matches(code, entry.get(SALT), entry.get(HASH))) {
            return true;
        }
        countWrongTry(realm, user, entry);
        return false;
    }

    /** Uses the code up: true for exactly one caller, on whichever node, and only if it is still this code. */
    boolean consume(RealmModel realm, UserModel user, String code) {
        Map<String, String> entry = store.remove(key(realm, user));
        if (entry == null) {
            return false;
        }
        if (!isExpired(entry) && ResetCodeHash.matches(code, entry.get(SALT), entry.get(HASH))) {
            return true;
        }
        int remaining = Integer.parseInt(entry.get(EXPIRES_AT)) - Time.currentTime();
        if (remaining > 0) {
            // A newer code replaced the one we checked in between: leave the newer one in place.
            store.put(key(realm, user), remaining, entry);
        }
        return false;
    }

    private void countWrongTry(RealmModel realm, UserModel user, Map<String, String> entry) {
        String issue = entry.get(ISSUE);
        int lifetime = Math.max(1, Integer.parseInt(entry.get(EXPIRES_AT)) - Time.currentTime());
        boolean tryLeft = IntStream.rangeClosed(1, settings.maxAttempts())
                .anyMatch(n -> n < settings.maxAttempts()
                        && store.putIfAbsent(key(realm, user) + ":" + issue + ":wrong:" + n, lifetime));
        if (!tryLeft) {
            store.remove(key(realm, user));
        }
    }

    private static boolean isExpired(Map<String, String> entry) {
        return Integer.parseInt(entry.getOrDefault(EXPIRES_AT, "0")) <= Time.currentTime();
    }

    private static String key(RealmModel realm, UserModel user) {
        return PREFIX + realm.getId() + ":" + user.getId();
    }
}
