package io.customerauth.keycloak.customer.bulk;

import java.util.UUID;
import java.util.function.LongSupplier;

import org.keycloak.common.util.Time;

/**
 * The ids of the rows a bulk import writes: version 7 UUIDs (RFC 9562), which begin with the millisecond they were made
 * in and end in 74 random bits, where Keycloak's own {@code KeycloakModelUtils.generateId()} makes random (version 4)
 * ones. Keycloak reads an id as an opaque string of 36 characters, so both kinds serve alike. A random key puts every
 * insert on a random page of its index, and once an import's indexes outgrow PostgreSQL's shared buffers each of the
 * ten or so such inserts per customer reads a page back and, after a checkpoint, writes a whole page into the WAL:
 * that is why a million-customer import slowed by a quarter as the tables grew. Ids that grow with time append to the
 * indexes' last pages instead. The id shows the minute of the import to whoever sees it (a token's {@code sub}), which
 * the user's creation time in Keycloak already says.
 */
final class TimeOrderedIds {

    private final LongSupplier clock;

    TimeOrderedIds() {
        this(Time::currentTimeMillis);
    }

    TimeOrderedIds(LongSupplier clock) {
        this.clock = clock;
    }

    String next() {
        UUID random = UUID.randomUUID();
        long millis = clock.getAsLong() & 0xFFFF_FFFF_FFFFL;
        long mostSignificant = millis << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
        // The least significant half of a random UUID already has RFC 9562's variant bits.
        return new UUID(mostSignificant, random.getLeastSignificantBits()).toString();
    }
}
