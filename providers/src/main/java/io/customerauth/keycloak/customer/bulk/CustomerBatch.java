package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Imports one batch: validates every user (the representation's shape, the realm's user profile, the credential's
 * hash algorithm), skips those whose email or customer_id the realm already has, and creates the rest through the
 * model API in Keycloak's JPA batch mode (no flush per user), so the batch costs one flush at commit.
 */
final class CustomerBatch {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final List<UserRepresentation> users;

    CustomerBatch(KeycloakSession session, RealmModel realm, List<UserRepresentation> users) {
        this.session = session;
        this.realm = realm;
        this.users = users;
    }

    List<ImportResult> importAll() {
        List<ImportResult> results = new ArrayList<>(users.size());
        List<ImportedCustomer> toCreate = new ArrayList<>();
        Set<String> batchEmails = new HashSet<>();
        Set<String> batchCustomerIds = new HashSet<>();
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        for (UserRepresentation user : users) {
            ImportResult result;
            try {
                ImportedCustomer customer = ImportedCustomer.from(user);
                result = existing(customer);
                if (result == null) {
                    if (!batchEmails.add(customer.email())) {
                        throw new InvalidCustomerException("email: twice in this batch");
                    }
                    if (!batchCustomerIds.add(customer.customerId())) {
                        throw new InvalidCustomerException("customer_id: twice in this batch");
                    }
                    validate(profiles, customer);
                    toCreate.add(customer);
                    result = ImportResult.created();
                }
            } catch (InvalidCustomerException e) {
                result = ImportResult.rejected(e.getMessage());
            }
            results.add(result);
        }
        EntityManagers.runInBatch(session, () -> toCreate.forEach(this::create), false);
        EntityManagers.flush(session, false);
        return results;
    }

    private ImportResult existing(ImportedCustomer customer) {
        if (session.users().getUserByEmail(realm, customer.email()) != null
                || session.users().getUserByUsername(realm, customer.email()) != null) {
            return ImportResult.skipped("email already in the realm");
        }
        boolean idTaken = session.users()
                .searchForUserByUserAttributeStream(realm, ImportedCustomer.CUSTOMER_ID, customer.customerId())
                .findAny().isPresent();
        return idTaken ? ImportResult.skipped("customer_id already in the realm") : null;
    }

    private void validate(UserProfileProvider profiles, ImportedCustomer customer) throws InvalidCustomerException {
        try {
            profiles.create(UserProfileContext.USER_API, customer.attributes()).validate();
        } catch (ValidationException e) {
            throw new InvalidCustomerException(e.getErrors().stream()
                    .map(error -> error.getAttribute() + ": " + error.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        CredentialModel credential = customer.credential();
        if (credential != null) {
            String algorithm;
            try {
                algorithm = PasswordCredentialModel.createFromCredentialModel(credential).getPasswordCredentialData()
                        .getAlgorithm();
            } catch (RuntimeException e) {
                throw new InvalidCustomerException("credentials: credentialData or secretData is not valid JSON");
            }
            if (algorithm == null || session.getProvider(PasswordHashProvider.class, algorithm) == null) {
                throw new InvalidCustomerException("credentials: no password hash provider '" + algorithm + "'");
            }
        }
    }

    private void create(ImportedCustomer customer) {
        UserModel user = session.users().addUser(realm, customer.email());
        user.setEmail(customer.email());
        user.setEmailVerified(true);
        user.setEnabled(true);
        if (customer.firstName() != null) {
            user.setFirstName(customer.firstName());
        }
        if (customer.lastName() != null) {
            user.setLastName(customer.lastName());
        }
        for (String name : ImportedCustomer.CUSTOMER_ATTRIBUTES) {
            user.setSingleAttribute(name, customer.attributes().get(name).get(0));
        }
        if (customer.credential() != null) {
            CredentialModel credential = customer.credential();
            credential.setCreatedDate(Time.currentTimeMillis());
            user.credentialManager().createStoredCredential(credential);
        }
    }
}
