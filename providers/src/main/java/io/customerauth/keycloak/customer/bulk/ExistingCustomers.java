package io.customerauth.keycloak.customer.bulk;

import io.customerauth.common.customer.CustomerAttributes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Which emails / usernames and customer ids of a batch the realm already has.
 *
 * <p>Asked through Keycloak's model API this costs three queries per customer, the larger part of a batch's time.
 * So when the realm stores its users only in Keycloak's own database (no user federation), the whole batch is
 * looked up with two JPQL queries over Keycloak's own JPA entities ({@code UserEntity}, {@code UserAttributeEntity},
 * the names its named queries use). The entity manager comes from Keycloak's {@code JpaConnectionProvider}, looked up
 * by name because keycloak-model-jpa cannot be a build dependency. If any of that is unavailable, the model API
 * answers instead: slower, same result, and said: {@link #lookup()} names the path taken, the batch's admin event
 * carries it, and an integration test fails if a Keycloak upgrade silently turns the fast path off.
 */
final class ExistingCustomers {

    private static final Logger LOG = Logger.getLogger(ExistingCustomers.class);
    private static final String JPA_CONNECTION_PROVIDER = "org.keycloak.connections.jpa.JpaConnectionProvider";
    private static final String USER_STORAGE_PROVIDER = "org.keycloak.storage.UserStorageProvider";

    /** The two ways of looking a batch up, as the admin event names them. */
    enum Lookup { JPQL, MODEL_API, NONE }

    private final Set<String> emails;
    private final Set<String> customerIds;
    private final Lookup lookup;

    private ExistingCustomers(Set<String> emails, Set<String> customerIds, Lookup lookup) {
        this.emails = emails;
        this.customerIds = customerIds;
        this.lookup = lookup;
    }

    static ExistingCustomers find(KeycloakSession session, RealmModel realm, List<ImportedCustomer> customers) {
        if (customers.isEmpty()) {
            return new ExistingCustomers(Set.of(), Set.of(), Lookup.NONE);
        }
        EntityManager em = federated(realm) ? null : entityManager(session);
        if (em != null) {
            try {
                return findWithJpql(em, realm, customers);
            } catch (IllegalArgumentException e) {
                LOG.warnf("Batch lookup over Keycloak's JPA entities failed (%s); using the model API", e.getMessage());
            }
        }
        return findWithModelApi(session, realm, customers);
    }

    /** How the batch was looked up. */
    Lookup lookup() {
        return lookup;
    }

    boolean hasEmail(String email) {
        return emails.contains(email);
    }

    boolean hasCustomerId(String customerId) {
        return customerIds.contains(customerId);
    }

    private static ExistingCustomers findWithJpql(EntityManager em, RealmModel realm, List<ImportedCustomer> customers) {
        List<String> emails = customers.stream().map(ImportedCustomer::email).toList();
        List<String> ids = customers.stream().map(ImportedCustomer::customerId).toList();
        Set<String> takenEmails = new HashSet<>();
        em.createQuery("select u.email, u.username from UserEntity u where u.realmId = :realmId "
                        + "and (u.email in :emails or u.username in :emails)", Object[].class)
                .setParameter("realmId", realm.getId())
                .setParameter("emails", emails)
                .getResultStream()
                .forEach(row -> {
                    takenEmails.add((String) row[0]);
                    takenEmails.add((String) row[1]);
                });
        Set<String> takenIds = new HashSet<>(em.createQuery("select a.value from UserAttributeEntity a "
                        + "where a.user.realmId = :realmId and a.name = :name and a.value in :ids", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("name", CustomerAttributes.CUSTOMER_ID)
                .setParameter("ids", ids)
                .getResultList());
        return new ExistingCustomers(takenEmails, takenIds, Lookup.JPQL);
    }

    private static ExistingCustomers findWithModelApi(KeycloakSession session, RealmModel realm,
                                                      List<ImportedCustomer> customers) {
        Set<String> takenEmails = new HashSet<>();
        Set<String> takenIds = new HashSet<>();
        for (ImportedCustomer customer : customers) {
            if (session.users().getUserByEmail(realm, customer.email()) != null
                    || session.users().getUserByUsername(realm, customer.email()) != null) {
                takenEmails.add(customer.email());
            }
            if (session.users().searchForUserByUserAttributeStream(realm, CustomerAttributes.CUSTOMER_ID,
                    customer.customerId()).findAny().isPresent()) {
                takenIds.add(customer.customerId());
            }
        }
        return new ExistingCustomers(takenEmails, takenIds, Lookup.MODEL_API);
    }

    private static boolean federated(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), USER_STORAGE_PROVIDER).findAny().isPresent();
    }

    private static EntityManager entityManager(KeycloakSession session) {
        try {
            Class<? extends Provider> type = Class.forName(JPA_CONNECTION_PROVIDER, false,
                    ExistingCustomers.class.getClassLoader()).asSubclass(Provider.class);
            Provider provider = session.getProvider(type);
            return provider == null ? null : (EntityManager) type.getMethod("getEntityManager").invoke(provider);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ExistingCustomers[" + new ArrayList<>(emails).size() + " emails, " + customerIds.size() + " ids]";
    }
}
