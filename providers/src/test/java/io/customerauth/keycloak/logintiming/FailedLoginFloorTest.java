package io.customerauth.keycloak.logintiming;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailedLoginFloorTest {

    private static final long MS = 1_000_000L;

    private long now = 1_000 * MS;
    private final List<Long> slept = new ArrayList<>();
    private final FailedLoginFloor floor = new FailedLoginFloor(() -> now, nanos -> {
        slept.add(nanos);
        now += nanos;
    }, Duration.ofMillis(1500), Duration.ofMinutes(15));

    @Test
    void aFailureFasterThanTheCostliestVerificationWaitsOutTheDifference() {
        floor.record("argon2", 45 * MS);
        floor.record("werkzeug-pbkdf2", 120 * MS);
        long start = now;
        now += 5 * MS;

        floor.padFailure(start);

        assertThat(now - start).isEqualTo(120 * MS);
    }

    @Test
    void aFailureAlreadySlowerThanTheFloorIsNotDelayed() {
        floor.record("argon2", 45 * MS);
        long start = now;
        now += 60 * MS;

        floor.padFailure(start);

        assertThat(slept).isEmpty();
    }

    @Test
    void withNothingLearnedYetThereIsNoFloor() {
        long start = now;

        floor.padFailure(start);

        assertThat(slept).isEmpty();
        assertThat(floor.floorNanos()).isZero();
    }

    @Test
    void aSteadyCostIsTheFloorAsItIs() {
        for (int i = 0; i < 20; i++) {
            floor.record("argon2", 45 * MS);
        }

        assertThat(floor.floorNanos()).isEqualTo(45 * MS);
    }

    @Test
    void aCostThatVariesRaisesTheFloorAboveItsAverageSoFailuresEndAtTheFloorNotAroundIt() {
        for (int i = 0; i < 40; i++) {
            floor.record("argon2", (i % 2 == 0 ? 40 : 60) * MS);
        }

        assertThat(floor.floorNanos()).isBetween(65 * MS, 95 * MS);
    }

    @Test
    void aFastOutlierDoesNotRaiseTheFloor() {
        for (int i = 0; i < 20; i++) {
            floor.record("argon2", 45 * MS);
        }

        floor.record("argon2", 0);

        assertThat(floor.floorNanos()).isLessThanOrEqualTo(45 * MS);
    }

    @Test
    void anAlgorithmNotSeenForALongTimeNoLongerRaisesTheFloor() {
        floor.record("werkzeug-pbkdf2", 300 * MS);
        now += Duration.ofMinutes(10).toNanos();
        floor.record("argon2", 45 * MS);
        assertThat(floor.floorNanos()).isEqualTo(300 * MS);

        now += Duration.ofMinutes(6).toNanos();

        assertThat(floor.floorNanos()).isEqualTo(45 * MS);
    }

    @Test
    void theFloorNeverExceedsTheCap() {
        floor.record("bcrypt", 9_000 * MS);

        assertThat(floor.floorNanos()).isEqualTo(1500 * MS);
    }
}
