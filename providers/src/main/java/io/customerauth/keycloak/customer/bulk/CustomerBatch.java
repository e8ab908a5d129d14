package io.customerauth.keycloak.customer.bulk;

import io.customerauth.common.customer.CustomerAttributes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;

import io.customerauth.keycloak.passwordhash.StoredHashCost;

import io.customerauth.keycloak.customer.CustomerIdClaims;

/**
 * Imports one batch: skips the users whose email (or username) or customer_id the realm already has (looked up for
 * the whole batch at once, see {@link ExistingCustomers}), validates the others (the representation's shape, the
 * realm's user profile, the credential's hash algorithm and its cost, see {@link StoredHashCost}) and creates them
 * through the model API in Keycloak's JPA batch mode (no flush per user), so the inserts go to the database as JDBC
 * batches in one flush.
 */
final class CustomerBatch {

    static final String CUSTOMER_ID_IN_FLIGHT = "another request is storing a customer with this customer_id";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final List<UserRepresentation> users;
    private final List<String> createdUserIds = new ArrayList<>();
    private ExistingCustomers.Lookup lookup = ExistingCustomers.Lookup.NONE;

    CustomerBatch(KeycloakSession session, RealmModel realm, List<UserRepresentation> users) {
        this.session = session;
        this.realm = realm;
        this.users = users;
    }

    List<ImportResult> importAll() {
        List<Object> parsed = new ArrayList<>(users.size());
        List<ImportedCustomer> wellFormed = new ArrayList<>();
        CustomerIdClaims claims = CustomerIdClaims.of(session);
        for (UserRepresentation user : users) {
            try {
                ImportedCustomer customer = ImportedCustomer.from(user);
                // claimed before the lookup of existing customers, so a concurrent writer's commit is seen
                if (claims.claim(realm, customer.customerId())) {
                    parsed.add(customer);
                    wellFormed.add(customer);
                } else {
                    parsed.add(ImportResult.rejected(CustomerAttributes.CUSTOMER_ID + ": " + CUSTOMER_ID_IN_FLIGHT));
                }
            } catch (InvalidCustomerException e) {
                parsed.add(ImportResult.rejected(e.getMessage()));
            }
        }
        ExistingCustomers existing = ExistingCustomers.find(session, realm, wellFormed);
        lookup = existing.lookup();
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        ProfileRules profileRules = ProfileRules.of(session, profiles);
        Set<String> batchEmails = new HashSet<>();
        Set<String> batchCustomerIds = new HashSet<>();
        List<ImportedCustomer> toCreate = new ArrayList<>();
        List<ImportResult> results = new ArrayList<>(users.size());
        for (Object item : parsed) {
            if (item instanceof ImportResult rejected) {
                results.add(rejected);
                continue;
            }
            ImportedCustomer customer = (ImportedCustomer) item;
            if (existing.hasEmail(customer.email())) {
                results.add(ImportResult.skipped("email already in the realm"));
            } else if (existing.hasCustomerId(customer.customerId())) {
                results.add(ImportResult.skipped("customer_id already in the realm"));
            } else if (!batchEmails.add(customer.email())) {
                results.add(ImportResult.rejected("email: twice in this batch"));
            } else if (!batchCustomerIds.add(customer.customerId())) {
                results.add(ImportResult.rejected("customer_id: twice in this batch"));
            } else {
                try {
                    validate(profiles, profileRules, customer);
                    toCreate.add(customer);
                    results.add(ImportResult.created());
                } catch (InvalidCustomerException e) {
                    results.add(ImportResult.rejected(e.getMessage()));
                }
            }
        }
        EntityManagers.runInBatch(session, () -> toCreate.forEach(this::create), false);
        EntityManagers.flush(session, false);
        return results;
    }

    /** The ids of the users {@link #importAll()} created, in the order of the batch. */
    /** How the batch's existing customers were looked up ({@link ExistingCustomers}). */
    ExistingCustomers.Lookup lookup() {
        return lookup;
    }

    List<String> createdUserIds() {
        return createdUserIds;
    }

    /**
     * The realm's user-profile rules for every attribute (username, email and customer_id through {@link ProfileRules},
     * without the uniqueness checks the batch lookup already answered: they cost several queries per user), then the
     * stored credential: a hash algorithm the server has, at a cost within {@link StoredHashCost}.
     */
    private void validate(UserProfileProvider profiles, ProfileRules profileRules, ImportedCustomer customer)
            throws InvalidCustomerException {
        Attributes attributes = profiles.create(UserProfileContext.USER_API, customer.attributes()).getAttributes();
        List<String> errors = new ArrayList<>();
        for (String name : attributes.nameSet()) {
            if (ProfileRules.ATTRIBUTES.contains(name)) {
                profileRules.validate(name, attributes, errors);
            } else {
                attributes.validate(name, error -> errors.add(name + ": " + error.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCustomerException(String.join("; ", errors));
        }
        CredentialModel credential = customer.credential();
        if (credential != null) {
            PasswordCredentialModel password;
            String algorithm;
            try {
                password = PasswordCredentialModel.createFromCredentialModel(credential);
                algorithm = password.getPasswordCredentialData().getAlgorithm();
            } catch (RuntimeException e) {
                throw new InvalidCustomerException("credentials: credentialData or secretData is not valid JSON");
            }
            if (algorithm == null || session.getProvider(PasswordHashProvider.class, algorithm) == null) {
                throw new InvalidCustomerException("credentials: no password hash provider '" + algorithm + "'");
            }
            String overCost = StoredHashCost.exceeded(password).orElse(null);
            if (overCost != null) {
                throw new InvalidCustomerException("credentials: password hash over the cost limits: " + overCost);
            }
        }
    }

    private void create(ImportedCustomer customer) {
        UserModel user = session.users().addUser(realm, customer.email());
        createdUserIds.add(user.getId());
        user.setEmail(customer.email());
        user.setEmailVerified(true);
        user.setEnabled(true);
        if (customer.firstName() != null) {
            user.setFirstName(customer.firstName());
        }
        if (customer.lastName() != null) {
            user.setLastName(customer.lastName());
        }
        for (String name : CustomerAttributes.ALL) {
            user.setSingleAttribute(name, customer.attributes().get(name).get(0));
        }
        if (customer.credential() != null) {
            CredentialModel credential = customer.credential();
            credential.setCreatedDate(Time.currentTimeMillis());
            user.credentialManager().createStoredCredential(credential);
        }
    }
}
