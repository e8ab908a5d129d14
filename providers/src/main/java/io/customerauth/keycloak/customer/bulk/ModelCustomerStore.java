package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import io.customerauth.common.customer.CustomerAttributes;

/**
 * The customers through Keycloak's user model, as the admin API reaches them: works with any database and with user
 * federation, at several queries per customer. Also the one way {@link SqlCustomerStore} updates customers: an update
 * through the model invalidates the user's cache entries on every node of the cluster.
 */
final class ModelCustomerStore implements CustomerStore {

    static final String NAME = "model";

    private final KeycloakSession session;
    private final RealmModel realm;

    ModelCustomerStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, StoredCustomer> byCustomerId(Collection<String> customerIds) {
        Map<String, StoredCustomer> found = new HashMap<>();
        for (String customerId : customerIds) {
            session.users().searchForUserByUserAttributeStream(realm, CustomerAttributes.CUSTOMER_ID, customerId)
                    .findFirst().ifPresent(user -> found.put(customerId, stored(user, customerId)));
        }
        return found;
    }

    private static StoredCustomer stored(UserModel user, String customerId) {
        CredentialModel password = user.credentialManager().getStoredCredentialsByTypeStream(
                PasswordCredentialModel.TYPE).findFirst().orElse(null);
        return new StoredCustomer(user.getId(), customerId, user.getUsername(), user.getEmail(),
                user.getFirstAttribute(CustomerAttributes.COUNTRY), user.getFirstAttribute(CustomerAttributes.LANGUAGE),
                password == null ? null : password.getId(), password == null ? null : password.getUserLabel());
    }

    @Override
    public Map<String, String> holdersOf(Collection<String> emails) {
        Map<String, String> holders = new HashMap<>();
        for (String email : emails) {
            UserModel holder = session.users().getUserByEmail(realm, email);
            if (holder == null) {
                holder = session.users().getUserByUsername(realm, email);
            }
            if (holder != null) {
                holders.put(email, holder.getId());
            }
        }
        return holders;
    }

    /**
     * Through Keycloak's addUser, in its JPA batch mode (no flush per user), then one flush that also clears the
     * persistence context: the commit would otherwise check every entity of the batch for changes a second time.
     * Nothing of the batch is read again in this transaction (an update finds its user by id, through the cache).
     */
    @Override
    public List<String> create(List<ImportedCustomer> customers) {
        List<String> ids = new ArrayList<>(customers.size());
        EntityManagers.runInBatch(session, () -> customers.forEach(customer -> ids.add(create(customer))), false);
        EntityManagers.flush(session, true);
        return ids;
    }

    private String create(ImportedCustomer customer) {
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
        for (String name : CustomerAttributes.ALL) {
            user.setSingleAttribute(name, customer.attributes().get(name).get(0));
        }
        if (customer.password() != null) {
            user.credentialManager().createStoredCredential(credential(customer, null));
        }
        return user.getId();
    }

    @Override
    public void update(List<CustomerUpdate> updates) {
        for (CustomerUpdate update : updates) {
            UserModel user = session.users().getUserById(realm, update.stored().userId());
            ImportedCustomer customer = update.imported();
            if (update.changes(Change.EMAIL)) {
                user.setUsername(customer.email());
                user.setEmail(customer.email());
            }
            if (update.changes(Change.COUNTRY)) {
                user.setSingleAttribute(CustomerAttributes.COUNTRY, customer.country());
            }
            if (update.changes(Change.LANGUAGE)) {
                user.setSingleAttribute(CustomerAttributes.LANGUAGE, customer.language());
            }
            if (update.changes(Change.PASSWORD)) {
                String existing = update.stored().passwordId();
                if (existing == null) {
                    user.credentialManager().createStoredCredential(credential(customer, null));
                } else {
                    user.credentialManager().updateStoredCredential(credential(customer, existing));
                }
            }
        }
    }

    /** The imported hash as a credential labelled with its fingerprint ({@link PasswordMarker}), dated now. */
    static CredentialModel credential(ImportedCustomer customer, String id) {
        CredentialModel credential = new CredentialModel();
        credential.setId(id);
        credential.setType(PasswordCredentialModel.TYPE);
        credential.setCredentialData(customer.password().getCredentialData());
        credential.setSecretData(customer.password().getSecretData());
        credential.setUserLabel(PasswordMarker.label(customer.passwordFingerprint()));
        credential.setCreatedDate(Time.currentTimeMillis());
        return credential;
    }

    /** Pages by position in Keycloak's own user search order; the cursor is the position of the next page. */
    @Override
    public Page page(String cursor, int max) {
        int first = cursor == null ? 0 : Integer.parseInt(cursor);
        List<UserModel> users = session.users().searchForUserStream(realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT,
                "false"), first, max).toList();
        List<RealmCustomer> customers = users.stream()
                .filter(user -> user.getFirstAttribute(CustomerAttributes.CUSTOMER_ID) != null)
                .map(user -> new RealmCustomer(user.getFirstAttribute(CustomerAttributes.CUSTOMER_ID), user.getId()))
                .toList();
        return new Page(customers, users.size() < max ? null : Integer.toString(first + users.size()));
    }
}
