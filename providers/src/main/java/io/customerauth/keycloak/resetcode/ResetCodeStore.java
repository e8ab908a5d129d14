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
 * from the realm's and the user's ids, never from request input. A code is kept only as a salted hash. A try claims
 * a numbered slot with the atomic {@code putIfAbsent} before the code is compared, so concurrent guesses cannot exceed
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
    private final Matcher matcher;
    private final ResetCodeOutcomes outcomes;

    ResetCodeStore(KeycloakSession session, ResetCodeSettings settings, ResetCodeOutcomes outcomes) {
        this(session.singleUseObjects(), settings, outcomes);
    }

    ResetCodeStore(SingleUseObjectProvider store, ResetCodeSettings settings, ResetCodeOutcomes outcomes) {
        this(store, settings, ResetCodeHash::matches, outcomes);
    }

    ResetCodeStore(SingleUseObjectProvider store, ResetCodeSettings settings, Matcher matcher,
                   ResetCodeOutcomes outcomes) {
        this.store = store;
        this.settings = settings;
        this.matcher = matcher;
        this.outcomes = outcomes;
    }

    /** The comparison of a code with the stored salted hash ({@link ResetCodeHash#matches}). */
    @FunctionalInterface
    interface Matcher {
        boolean matches(String code, String salt, String hash);
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

    /**
     * Whether this is the user's live code. Every comparison first claims one of the code's numbered try slots
     * (atomic {@code putIfAbsent}), so however many guesses arrive at once, on however many nodes, at most
     * {@code maxAttempts} are ever compared. A right code gives its slot back (a password the policy refuses does
     * not use up a try); a wrong one keeps it, and the last wrong try kills the code.
     */
    boolean check(RealmModel realm, UserModel user, String code) {
        Map<String, String> entry = store.get(key(realm, user));
        if (entry == null || isExpired(entry)) {
            return false;
        }
        int slot = claimTry(realm, user, entry);
        if (slot == 0) {
            kill(realm, user, entry);
            return false;
        }
        if (matcher.matches(code, entry.get(SALT), entry.get(HASH))) {
            store.remove(tryKey(realm, user, entry, slot));
            return true;
        }
        if (slot == settings.maxAttempts()) {
            kill(realm, user, entry);
            outcomes.count(ResetCodeOutcome.WRONG_TRIES_EXHAUSTED);
        }
        return false;
    }

    /** {@link #check} then {@link #consume}: for the login page, where the new password comes on the next page. */
    boolean use(RealmModel realm, UserModel user, String code) {
        return check(realm, user, code) && consume(realm, user, code);
    }

    /** Uses the code up: true for exactly one caller, on whichever node, and only if it is still this code. */
    boolean consume(RealmModel realm, UserModel user, String code) {
        Map<String, String> entry = store.remove(key(realm, user));
        if (entry == null) {
            return false;
        }
        if (!isExpired(entry) && matcher.matches(code, entry.get(SALT), entry.get(HASH))) {
            return true;
        }
        // A newer code replaced the one we checked in between: leave the newer one in place.
        putBack(realm, user, entry);
        return false;
    }

    /** The number of the try slot claimed, 1..maxAttempts, or 0 when every try of this code is used up. */
    private int claimTry(RealmModel realm, UserModel user, Map<String, String> entry) {
        long lifetime = Math.max(1, remainingSeconds(entry));
        return IntStream.rangeClosed(1, settings.maxAttempts())
                .filter(slot -> store.putIfAbsent(tryKey(realm, user, entry, slot), lifetime))
                .findFirst()
                .orElse(0);
    }

    /** Removes this code; a newer one that replaced it in between stays. */
    private void kill(RealmModel realm, UserModel user, Map<String, String> entry) {
        Map<String, String> removed = store.remove(key(realm, user));
        if (removed != null && !entry.get(ISSUE).equals(removed.get(ISSUE))) {
            putBack(realm, user, removed);
        }
    }

    private void putBack(RealmModel realm, UserModel user, Map<String, String> entry) {
        int remaining = remainingSeconds(entry);
        if (remaining > 0) {
            store.put(key(realm, user), remaining, entry);
        }
    }

    private static int remainingSeconds(Map<String, String> entry) {
        return Integer.parseInt(entry.getOrDefault(EXPIRES_AT, "0")) - Time.currentTime();
    }

    private static String tryKey(RealmModel realm, UserModel user, Map<String, String> entry, int slot) {
        return key(realm, user) + ":" + entry.get(ISSUE) + ":try:" + slot;
    }

    private static boolean isExpired(Map<String, String> entry) {
        return remainingSeconds(entry) <= 0;
    }

    private static String key(RealmModel realm, UserModel user) {
        return PREFIX + realm.getId() + ":" + user.getId();
    }
}
