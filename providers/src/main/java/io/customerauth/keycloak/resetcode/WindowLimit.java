package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most N admissions per fixed time window, for the whole cluster: each admission claims a numbered slot
 * ({@code series:window:n}, n = 1..N) with the store's atomic {@code putIfAbsent}, so however many nodes and threads
 * ask at once, N claims succeed per window and no more. Nothing lives in one node's memory.
 *
 * <p>Slots are only ever added within a window, each after the one below it was seen taken, so the taken slots are
 * always 1..k: a binary search with {@code contains} finds the first free one, and an admission costs about
 * log2(N) + 1 store calls whatever the count so far. A key names the window length too, so changing it starts afresh.
 */
final class WindowLimit {

    /** What became of an attempt: refused ones say whether they are the window's first refusal (to report once). */
    enum Verdict {
        ADMITTED, REFUSED_FIRST, REFUSED_AGAIN;

        boolean admitted() {
            return this == ADMITTED;
        }
    }

    private final SingleUseObjectProvider store;

    WindowLimit(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** {@code series} must already be a safe, namespaced key (pack prefix, realm id, hashes only). */
    Verdict admit(String series, Limit limit) {
        if (limit.isOff()) {
            return Verdict.ADMITTED;
        }
        long now = Time.currentTime();
        long window = now / limit.windowSeconds();
        long lifespan = (window + 1) * limit.windowSeconds() - now + 1;
        String prefix = series + ":" + limit.windowSeconds() + "s:" + window + ":";
        for (int slot = firstFreeSlot(prefix, limit.count()); slot <= limit.count(); slot++) {
            if (store.putIfAbsent(prefix + slot, lifespan)) {
                return Verdict.ADMITTED;
            }
        }
        return store.putIfAbsent(prefix + "refused", lifespan) ? Verdict.REFUSED_FIRST : Verdict.REFUSED_AGAIN;
    }

    private int firstFreeSlot(String prefix, int count) {
        int low = 1;
        int high = count + 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (store.contains(prefix + middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
