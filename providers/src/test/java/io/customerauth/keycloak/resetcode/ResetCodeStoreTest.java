package io.customerauth.keycloak.resetcode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ResetCodeStoreTest {

    private static final RealmModel REALM = Models.realm("realm-1", Map.of());
    private static final UserModel USER = Models.user("user-1");
    private static final int MAX_ATTEMPTS = ResetCodeSetting.MAX_ATTEMPTS.defaultValue();

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final AtomicInteger comparisons = new AtomicInteger();
    private final ResetCodeStore codes = new ResetCodeStore(store, ResetCodeSettings.of(Map.of(), REALM),
            (code, salt, hash) -> {
                comparisons.incrementAndGet();
                return ResetCodeHash.matches(code, salt, hash);
            }, new ResetCodeOutcomes(new SimpleMeterRegistry()));

    @Test
    void parallelGuessesThatAllReadTheCodeAtOnceGetNoMoreComparisonsThanTheAllowedTries() throws Exception {
        String code = codes.issue(REALM, USER);
        int guesses = 4 * MAX_ATTEMPTS;
        store.holdReadsAt(new CyclicBarrier(guesses));
        ExecutorService attackers = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Boolean>> answers = IntStream.range(0, guesses)
                    .mapToObj(i -> attackers.submit(() -> codes.check(REALM, USER, UUID.randomUUID().toString())))
                    .toList();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isFalse();
            }
        } finally {
            attackers.shutdownNow();
        }
        store.holdReadsAt(null);

        assertThat(comparisons).hasValue(MAX_ATTEMPTS);
        assertThat(codes.check(REALM, USER, code)).as("the right code after the tries ran out").isFalse();
        assertThat(comparisons).hasValue(MAX_ATTEMPTS);
    }

    @Test
    void fourWrongTriesLeaveTheCodeUsableAndTheFifthKillsIt() {
        String first = codes.issue(REALM, USER);
        wrongTries(MAX_ATTEMPTS - 1);
        assertThat(codes.check(REALM, USER, first)).isTrue();

        String second = codes.issue(REALM, USER);
        wrongTries(MAX_ATTEMPTS);
        assertThat(codes.check(REALM, USER, second)).isFalse();
    }

    @Test
    void theRightCodeUsesUpNoTrySoPolicyRefusalsCanBeRetried() {
        String code = codes.issue(REALM, USER);
        for (int i = 0; i < 2 * MAX_ATTEMPTS; i++) {
            assertThat(codes.check(REALM, USER, code)).isTrue();
        }
        wrongTries(MAX_ATTEMPTS - 1);

        assertThat(codes.check(REALM, USER, code)).isTrue();
        assertThat(codes.consume(REALM, USER, code)).isTrue();
        assertThat(codes.consume(REALM, USER, code)).as("a code works once").isFalse();
    }

    @Test
    void aNewCodeStartsWithEveryTryAgain() {
        codes.issue(REALM, USER);
        wrongTries(MAX_ATTEMPTS - 1);
        String fresh = codes.issue(REALM, USER);
        wrongTries(MAX_ATTEMPTS - 1);

        assertThat(codes.check(REALM, USER, fresh)).isTrue();
    }

    private void wrongTries(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(codes.check(REALM, USER, UUID.randomUUID().toString())).isFalse();
        }
    }
}
