package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a re-run changes of a customer it found by customer_id: the email, country and language when the export's
 * differ, and the password only while the customer has not set one in Keycloak since it was imported
 * ({@link PasswordMarker}). Names, other attributes, roles, required actions and sessions are never compared.
 *
 * @param note why a differing password was kept, or {@code null}
 */
record CustomerComparison(List<Change> changes, String note) {

    static final String PASSWORD_KEPT = "password: set in Keycloak since the import, kept";

    static CustomerComparison of(StoredCustomer stored, ImportedCustomer imported) {
        List<Change> changes = new ArrayList<>();
        if (!Objects.equals(stored.email(), imported.email())
                || !Objects.equals(stored.username(), imported.email())) {
            changes.add(Change.EMAIL);
        }
        if (!Objects.equals(stored.country(), imported.country())) {
            changes.add(Change.COUNTRY);
        }
        if (!Objects.equals(stored.language(), imported.language())) {
            changes.add(Change.LANGUAGE);
        }
        String note = null;
        if (imported.password() != null) {
            if (!stored.hasPassword()) {
                changes.add(Change.PASSWORD);
            } else {
                Optional<String> imports = PasswordMarker.fingerprintOf(stored.passwordLabel());
                if (imports.isEmpty()) {
                    note = PASSWORD_KEPT;
                } else if (!imports.get().equals(imported.passwordFingerprint())) {
                    changes.add(Change.PASSWORD);
                }
            }
        }
        return new CustomerComparison(List.copyOf(changes), note);
    }
}
