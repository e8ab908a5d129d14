package io.customerauth.keycloak.customer.bulk;

import jakarta.persistence.EntityManager;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import io.customerauth.keycloak.customer.KeycloakJpa;

/**
 * Chooses how a batch reaches the realm's customers: below the user model ({@link SqlCustomerStore}) where that is
 * proven equivalent, else through it ({@link ModelCustomerStore}): slower, same result. The batch's admin event and
 * answer name the store taken, and an integration test fails if a Keycloak upgrade silently turns the fast one off.
 */
final class CustomerStores {

    private static final String USER_STORAGE_PROVIDER = "org.keycloak.storage.UserStorageProvider";

    private final KeycloakJpa jpa;

    CustomerStores(KeycloakJpa jpa) {
        this.jpa = jpa;
    }

    /** @param modelOnly the caller asked for the user model ({@code ?store=model}) */
    CustomerStore choose(KeycloakSession session, RealmModel realm, boolean modelOnly) {
        if (!modelOnly && !federated(realm) && realm.getDefaultGroupsStream().findAny().isEmpty()) {
            KeycloakJpa.Database database = jpa.database(session);
            EntityManager em = database != null && database.postgres() ? KeycloakJpa.entityManager(session) : null;
            if (em != null) {
                return new SqlCustomerStore(session, realm, em, database);
            }
        }
        return new ModelCustomerStore(session, realm);
    }

    private static boolean federated(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), USER_STORAGE_PROVIDER).findAny().isPresent();
    }
}
