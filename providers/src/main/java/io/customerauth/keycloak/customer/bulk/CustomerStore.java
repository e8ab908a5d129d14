package io.customerauth.keycloak.customer.bulk;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a batch finds the realm's customers and writes its changes: Keycloak's database below the user model
 * ({@link SqlCustomerStore}) or Keycloak's user model ({@link ModelCustomerStore}); in memory in the unit tests.
 * Every call belongs to the request's one transaction.
 */
interface CustomerStore {

    /** How this store writes, for the admin event and the answer ({@code sql} or {@code model}). */
    String name();

    /** The customers holding these customer_ids, by customer_id. */
    Map<String, StoredCustomer> byCustomerId(Collection<String> customerIds);

    /** The users holding these addresses as their email or their username: address to user id. */
    Map<String, String> holdersOf(Collection<String> emails);

    /** Creates the customers, in order; returns their new user ids in the same order. */
    List<String> create(List<ImportedCustomer> customers);

    /** Writes the changes of each customer, and only those. */
    void update(List<CustomerUpdate> updates);

    /**
     * One page of the realm's customers (customer_id and user id), at most {@code max}, from {@code cursor} (the
     * previous page's {@link Page#next()}, {@code null} for the first page).
     */
    Page page(String cursor, int max);

    /** A customer of the realm, for the report of customers missing from an export. */
    record RealmCustomer(String customerId, String userId) {
    }

    /** @param next where the next page starts, or {@code null} after the last one */
    record Page(List<RealmCustomer> customers, String next) {
    }
}
