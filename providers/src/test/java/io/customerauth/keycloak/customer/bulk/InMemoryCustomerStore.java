package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The realm's customers in a map, for unit tests of a batch: what a real store reads and writes, nothing more. */
final class InMemoryCustomerStore implements CustomerStore {

    private final Map<String, StoredCustomer> byUserId = new LinkedHashMap<>();
    private final List<String> otherUsers = new ArrayList<>();
    int lookups;
    int writes;

    /** A customer as Keycloak holds it; its user id. */
    String add(String email, String customerId, String country, String language, String passwordLabel) {
        String id = UUID.randomUUID().toString();
        byUserId.put(id, new StoredCustomer(id, customerId, email, email, country, language,
                passwordLabel == null ? null : "credential-" + id, passwordLabel));
        return id;
    }

    /** A user who is not a customer (an admin, say) and holds this address as email and username. */
    void addOtherUser(String email) {
        otherUsers.add(email);
    }

    StoredCustomer customer(String customerId) {
        return byUserId.values().stream().filter(c -> c.customerId().equals(customerId)).findFirst().orElse(null);
    }

    int size() {
        return byUserId.size();
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Map<String, StoredCustomer> byCustomerId(Collection<String> customerIds) {
        lookups++;
        Map<String, StoredCustomer> found = new HashMap<>();
        byUserId.values().stream().filter(c -> customerIds.contains(c.customerId()))
                .forEach(c -> found.put(c.customerId(), c));
        return found;
    }

    @Override
    public Map<String, String> holdersOf(Collection<String> emails) {
        lookups++;
        Map<String, String> holders = new HashMap<>();
        byUserId.values().stream().filter(c -> emails.contains(c.email())).forEach(c -> holders.put(c.email(),
                c.userId()));
        otherUsers.stream().filter(emails::contains).forEach(email -> holders.put(email, "other-" + email));
        return holders;
    }

    @Override
    public List<String> create(List<ImportedCustomer> customers) {
        writes++;
        List<String> ids = new ArrayList<>();
        for (ImportedCustomer customer : customers) {
            String label = customer.password() == null ? null : PasswordMarker.label(customer.passwordFingerprint());
            ids.add(add(customer.email(), customer.customerId(), customer.country(), customer.language(), label));
        }
        return ids;
    }

    @Override
    public void update(List<CustomerUpdate> updates) {
        writes++;
        for (CustomerUpdate update : updates) {
            StoredCustomer s = update.stored();
            ImportedCustomer i = update.imported();
            String email = update.changes(Change.EMAIL) ? i.email() : s.email();
            String label = update.changes(Change.PASSWORD) ? PasswordMarker.label(i.passwordFingerprint())
                    : s.passwordLabel();
            byUserId.put(s.userId(), new StoredCustomer(s.userId(), s.customerId(), email, email,
                    update.changes(Change.COUNTRY) ? i.country() : s.country(),
                    update.changes(Change.LANGUAGE) ? i.language() : s.language(),
                    label == null ? null : "credential-" + s.userId(), label));
        }
    }

    /** A customer who set a password in Keycloak: Keycloak drops the credential's label. */
    void setPasswordInKeycloak(String customerId) {
        StoredCustomer s = customer(customerId);
        byUserId.put(s.userId(), new StoredCustomer(s.userId(), s.customerId(), s.username(), s.email(), s.country(),
                s.language(), "credential-" + s.userId(), null));
    }

    @Override
    public Page page(String cursor, int max) {
        List<RealmCustomer> all = byUserId.values().stream()
                .map(c -> new RealmCustomer(c.customerId(), c.userId()))
                .sorted(Comparator.comparing(RealmCustomer::customerId))
                .filter(c -> cursor == null || c.customerId().compareTo(cursor) > 0)
                .toList();
        List<RealmCustomer> page = all.subList(0, Math.min(max, all.size()));
        return new Page(page, all.size() > max ? page.get(page.size() - 1).customerId() : null);
    }
}
