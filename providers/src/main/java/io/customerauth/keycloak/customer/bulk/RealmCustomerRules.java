package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.KeycloakSession;

/** The realm's rules for a customer of a batch: its user profile, then the stored hash. */
final class RealmCustomerRules implements CustomerRules {

    private final ProfileRules profile;
    private final StoredHashRules hashes;

    private RealmCustomerRules(ProfileRules profile, StoredHashRules hashes) {
        this.profile = profile;
        this.hashes = hashes;
    }

    static RealmCustomerRules of(KeycloakSession session) {
        return new RealmCustomerRules(ProfileRules.of(session), new StoredHashRules(session));
    }

    @Override
    public void check(ImportedCustomer customer) throws InvalidCustomerException {
        List<String> errors = new ArrayList<>();
        profile.validate(customer.attributes(), errors);
        hashes.validate(customer, errors);
        if (!errors.isEmpty()) {
            throw new InvalidCustomerException(String.join("; ", errors));
        }
    }
}
