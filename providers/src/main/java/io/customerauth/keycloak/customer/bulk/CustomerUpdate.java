package io.customerauth.keycloak.customer.bulk;

import java.util.List;

/** What a re-run writes to a customer it found by customer_id: the export's values for the changed fields only. */
record CustomerUpdate(StoredCustomer stored, ImportedCustomer imported, List<Change> changes) {

    boolean changes(Change change) {
        return changes.contains(change);
    }
}
