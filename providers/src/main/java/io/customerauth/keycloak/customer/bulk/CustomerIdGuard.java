package io.customerauth.keycloak.customer.bulk;

/**
 * Keeps two writers from creating the same customer_id at once ({@code CustomerIdClaims}, cluster-wide): a batch
 * claims the id of every customer it is about to create before it looks for an existing holder a last time.
 */
interface CustomerIdGuard {

    /** True when this transaction now holds the id; false while another writer, on any node, does. */
    boolean claim(String customerId);
}
