package io.customerauth.keycloak.customer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        long millis = 1_796_000_000_123L;
        String id = new TimeOrderedIds(() -> millis).next();

        UUID uuid = UUID.fromString(id);
        assertEquals(36, id.length());
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(millis, uuid.getMostSignificantBits() >>> 16);
    }

    @Test
    void anIdMadeInALaterMillisecondSortsAfterAsText() {
        AtomicLong clock = new AtomicLong(1_796_000_000_000L);
        TimeOrderedIds ids = new TimeOrderedIds(clock::get);
        String previous = ids.next();
        for (int i = 0; i < 10_000; i++) {
            clock.addAndGet(1 + i % 3);
            String next = ids.next();
            assertTrue(next.compareTo(previous) > 0, next + " after " + previous);
            previous = next;
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        TimeOrderedIds ids = new TimeOrderedIds(() -> 1_796_000_000_000L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }
}
