package io.customerauth.keycloak.customer.bulk;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps two writers from creating the same customer_id at once ({@code CustomerIdClaims}, cluster-wide). Claims that
 * refuse an id another writer holds are taken for the customers a batch is about to create, which it then looks for a
 * last time; claims that wait for the other writer to end (PostgreSQL advisory locks) are taken for the whole batch
 * before its one lookup, which then sees whatever the other writer committed.
 */
interface CustomerIdGuard {

    /** The ids this transaction now holds; an id another writer, on any node, holds is left out. */
    Set<String> claim(Collection<String> customerIds);

    /** Whether {@link #claim} waits for another writer of an id to end instead of leaving the id out. */
    default boolean waitsForOtherWriters() {
        return false;
    }

    /** A guard whose claims are {@code claims}, waiting for other writers or not. */
    static CustomerIdGuard of(boolean waitsForOtherWriters, Function<Collection<String>, Set<String>> claims) {
        return new CustomerIdGuard() {
            @Override
            public Set<String> claim(Collection<String> customerIds) {
                return claims.apply(customerIds);
            }

            @Override
            public boolean waitsForOtherWriters() {
                return waitsForOtherWriters;
            }
        };
    }
}
