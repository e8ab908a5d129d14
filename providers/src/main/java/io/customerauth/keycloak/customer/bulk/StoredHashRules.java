package io.customerauth.keycloak.customer.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;

import io.customerauth.keycloak.passwordhash.StoredHashCost;

/**
 * A stored hash is imported only when the server can verify it (a password hash provider for its algorithm) and its
 * cost is within {@link StoredHashCost}: a hash must never be a CPU or memory bomb at login.
 */
final class StoredHashRules {

    private final KeycloakSession session;
    private final Map<String, Boolean> known = new HashMap<>();

    StoredHashRules(KeycloakSession session) {
        this.session = session;
    }

    /** Adds {@code credentials: reason} to {@code errors} when the customer's hash cannot be imported. */
    void validate(ImportedCustomer customer, List<String> errors) {
        if (customer.password() == null) {
            return;
        }
        String algorithm = customer.passwordAlgorithm();
        if (algorithm == null || !known.computeIfAbsent(algorithm,
                name -> session.getProvider(PasswordHashProvider.class, name) != null)) {
            errors.add("credentials: no password hash provider '" + algorithm + "'");
            return;
        }
        StoredHashCost.exceeded(customer.password())
                .ifPresent(overCost -> errors.add("credentials: password hash over the cost limits: " + overCost));
    }
}
