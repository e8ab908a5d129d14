package io.customerauth.keycloak.customer.bulk;

import java.util.Collection;
import java.util.Set;

/**
 * Keeps two writers from creating the same customer_id at once ({@code CustomerIdClaims}, cluster-wide): a batch
 * claims the id of every customer it is about to create before it looks for an existing holder a last time.
 */
interface CustomerIdGuard {

    /** The ids this transaction now holds; an id another writer, on any node, holds is left out. */
    Set<String> claim(Collection<String> customerIds);
}
