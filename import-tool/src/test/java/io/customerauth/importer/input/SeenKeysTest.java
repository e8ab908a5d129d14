package io.customerauth.importer.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

    @Test
    void remembersTheIndexOfTheFirstRecordWithAKey() {
        SeenKeys keys = new SeenKeys();

        assertThat(keys.putIfAbsent("alice@example.com", 3)).isEqualTo(-1);
        assertThat(keys.putIfAbsent("bob@example.com", 4)).isEqualTo(-1);
        assertThat(keys.putIfAbsent("alice@example.com", 9)).isEqualTo(3);
        assertThat(keys.putIfAbsent("alice@example.com", 12)).isEqualTo(3);
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void growsPastItsInitialCapacityWithoutLosingKeys() {
        SeenKeys keys = new SeenKeys();
        for (int i = 0; i < 100_000; i++) {
            assertThat(keys.putIfAbsent("customer-" + i + "@example.com", i)).isEqualTo(-1);
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(keys.putIfAbsent("customer-" + i + "@example.com", 1_000_000)).isEqualTo(i);
        }
        assertThat(keys.size()).isEqualTo(100_000);
    }
}
