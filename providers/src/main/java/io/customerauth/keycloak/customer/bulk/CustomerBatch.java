package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.representations.idm.UserRepresentation;

/**
 * One batch of an import or a re-run, in four steps: read and validate each user ({@link ImportedCustomer},
 * {@link CustomerRules}); find the batch's customers by customer_id and the holders of its emails, each with one
 * question to the {@link CustomerStore}; decide per customer (create, update the changed fields, leave unchanged,
 * reject); then write the creations and the updates, unless it is a dry run. The customer_ids are claimed
 * ({@link CustomerIdGuard}) so that a concurrent writer's commit is seen: claims that wait for the other writer are
 * taken for the whole batch before its lookup; claims that refuse are taken for the customers about to be created,
 * which are then looked up once more.
 */
final class CustomerBatch {

    static final String CUSTOMER_ID_IN_FLIGHT = "customer_id: another request is storing a customer with this id";
    static final String EMAIL_TAKEN = "email: already the email or username of another user of the realm";

    private final CustomerStore store;
    private final CustomerRules rules;
    private final CustomerIdGuard guard;

    CustomerBatch(CustomerStore store, CustomerRules rules, CustomerIdGuard guard) {
        this.store = store;
        this.rules = rules;
        this.guard = guard;
    }

    /** What a batch did (or, dry, would do): one result per user in order, and the users it wrote. */
    record Outcome(List<ImportResult> results, List<String> createdUserIds, List<String> updatedUserIds) {
    }

    private record Entry(int index, ImportedCustomer customer) {
    }

    Outcome run(List<UserRepresentation> users, boolean dryRun) {
        ImportResult[] results = new ImportResult[users.size()];
        List<Entry> valid = validate(users, results);
        List<String> customerIds = valid.stream().map(entry -> entry.customer().customerId()).toList();
        boolean claimFirst = !dryRun && guard.waitsForOtherWriters();
        if (claimFirst) {
            guard.claim(customerIds);
        }
        Map<String, StoredCustomer> stored = new HashMap<>(store.byCustomerId(customerIds));
        if (!dryRun && !claimFirst) {
            valid = claimNewOnes(valid, stored, results);
        }
        Map<String, String> holders = store.holdersOf(valid.stream().map(entry -> entry.customer().email()).toList());
        List<ImportedCustomer> creations = new ArrayList<>();
        List<CustomerUpdate> updates = new ArrayList<>();
        for (Entry entry : valid) {
            ImportedCustomer customer = entry.customer();
            StoredCustomer existing = stored.get(customer.customerId());
            String holder = holders.get(customer.email());
            if (existing == null) {
                if (holder != null) {
                    results[entry.index()] = ImportResult.rejected(EMAIL_TAKEN);
                } else {
                    creations.add(customer);
                    results[entry.index()] = ImportResult.created();
                }
                continue;
            }
            CustomerComparison comparison = CustomerComparison.of(existing, customer);
            if (comparison.changes().contains(Change.EMAIL) && holder != null && !holder.equals(existing.userId())) {
                results[entry.index()] = ImportResult.rejected(EMAIL_TAKEN);
            } else if (comparison.changes().isEmpty()) {
                results[entry.index()] = ImportResult.unchanged(comparison.note());
            } else {
                updates.add(new CustomerUpdate(existing, customer, comparison.changes()));
                results[entry.index()] = ImportResult.updated(comparison.changes(), comparison.note());
            }
        }
        List<String> created = List.of();
        if (!dryRun) {
            created = creations.isEmpty() ? List.of() : store.create(creations);
            if (!updates.isEmpty()) {
                store.update(updates);
            }
        }
        return new Outcome(Arrays.asList(results), created,
                dryRun ? List.of() : updates.stream().map(update -> update.stored().userId()).toList());
    }

    /** Reads and validates each user; a customer_id or email a valid user of the batch already has is rejected. */
    private List<Entry> validate(List<UserRepresentation> users, ImportResult[] results) {
        List<Entry> valid = new ArrayList<>(users.size());
        Set<String> customerIds = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            try {
                ImportedCustomer customer = ImportedCustomer.from(users.get(i));
                rules.check(customer);
                if (!emails.add(customer.email())) {
                    results[i] = ImportResult.rejected("email: twice in this batch");
                } else if (!customerIds.add(customer.customerId())) {
                    results[i] = ImportResult.rejected("customer_id: twice in this batch");
                } else {
                    valid.add(new Entry(i, customer));
                }
            } catch (InvalidCustomerException e) {
                results[i] = ImportResult.rejected(e.getMessage());
            }
        }
        return valid;
    }

    /**
     * Claims the customer_id of every customer the realm does not have yet, then looks those up once more: a
     * customer another writer committed meanwhile is then found, and compared instead of created twice.
     */
    private List<Entry> claimNewOnes(List<Entry> valid, Map<String, StoredCustomer> stored, ImportResult[] results) {
        List<String> wanted = valid.stream().map(entry -> entry.customer().customerId())
                .filter(customerId -> !stored.containsKey(customerId)).toList();
        Set<String> claimed = wanted.isEmpty() ? Set.of() : guard.claim(wanted);
        List<Entry> kept = new ArrayList<>(valid.size());
        for (Entry entry : valid) {
            String customerId = entry.customer().customerId();
            if (stored.containsKey(customerId) || claimed.contains(customerId)) {
                kept.add(entry);
            } else {
                results[entry.index()] = ImportResult.rejected(CUSTOMER_ID_IN_FLIGHT);
            }
        }
        if (!claimed.isEmpty()) {
            stored.putAll(store.byCustomerId(claimed));
        }
        return kept;
    }
}
