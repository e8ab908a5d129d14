package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import io.customerauth.keycloak.resetcode.WindowLimit.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WindowLimitTest {

    private static final String SERIES = "customer-auth:test:realm-1";

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final WindowLimit limit = new WindowLimit(store);

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    @Test
    void admitsTheCountPerWindowThenRefusesReportingOnlyTheFirstRefusal() {
        Limit tenAMinute = new Limit(10, 60);
        startOfAWindow(60);

        List<Verdict> verdicts = IntStream.range(0, 13).mapToObj(i -> limit.admit(SERIES, tenAMinute)).toList();

        assertThat(verdicts.subList(0, 10)).containsOnly(Verdict.ADMITTED);
        assertThat(verdicts.subList(10, 13)).containsExactly(Verdict.REFUSED_FIRST, Verdict.REFUSED_AGAIN,
                Verdict.REFUSED_AGAIN);
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheCount() throws Exception {
        Limit limitOfSeven = new Limit(7, 600);
        startOfAWindow(600);
        int callers = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Verdict>> verdicts = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                verdicts.add(pool.submit(() -> {
                    start.await();
                    return limit.admit(SERIES, limitOfSeven);
                }));
            }
            start.countDown();
            List<Verdict> results = new ArrayList<>();
            for (Future<Verdict> verdict : verdicts) {
                results.add(verdict.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(Verdict::admitted).hasSize(7);
            assertThat(results).filteredOn(v -> v == Verdict.REFUSED_FIRST).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theNextWindowAndAnotherWindowLengthCountAfresh() {
        Limit twoAMinute = new Limit(2, 60);
        startOfAWindow(60);
        limit.admit(SERIES, twoAMinute);
        limit.admit(SERIES, twoAMinute);
        assertThat(limit.admit(SERIES, twoAMinute).admitted()).isFalse();

        assertThat(limit.admit(SERIES, new Limit(2, 3600)).admitted()).as("a new window length").isTrue();
        Time.setOffset(Time.getOffset() + 60);
        assertThat(limit.admit(SERIES, twoAMinute).admitted()).as("the next window").isTrue();
        assertThat(limit.admit("customer-auth:test:realm-2", twoAMinute).admitted()).as("another series").isTrue();
    }

    @Test
    void aLimitOfZeroIsOffAndStoresNothing() {
        for (int i = 0; i < 100; i++) {
            assertThat(limit.admit(SERIES, new Limit(0, 60)).admitted()).isTrue();
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void anAdmissionCostsLogarithmicallyManyStoreCallsNotOnePerEarlierAdmission() {
        Limit large = new Limit(1000, 3600);
        startOfAWindow(3600);
        for (int i = 0; i < 999; i++) {
            limit.admit(SERIES, large);
        }
        int before = store.calls();

        assertThat(limit.admit(SERIES, large).admitted()).isTrue();
        assertThat(store.calls() - before).isLessThanOrEqualTo(12);
    }

    /** Moves Keycloak's clock to the first second of a window, so a test never straddles two. */
    private static void startOfAWindow(int windowSeconds) {
        int now = Time.currentTime();
        Time.setOffset(windowSeconds - now % windowSeconds);
    }
}
