package io.customerauth.keycloak.customer.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import io.customerauth.common.customer.CustomerAttributes;
import io.customerauth.keycloak.customer.KeycloakJpa;
import io.customerauth.keycloak.customer.ValuesList;

/**
 * The customers in Keycloak's own tables, below its user model, in the request's transaction: a batch is looked up
 * with two queries and created with a few multi-row inserts ({@link SqlRows}), which is where the import's speed comes
 * from. The rows are the ones Keycloak's {@code JpaUserProvider.addUser} and the admin API write for the same customer
 * (the user, its attributes, the realm's default role, the realm's default required actions, the password credential),
 * with time-ordered ids ({@link TimeOrderedIds});
 * {@code BulkImportEquivalenceIT} compares them column by column, so a Keycloak upgrade that changes these tables fails
 * a test, not an import. Used only where that holds: PostgreSQL, users stored by Keycloak itself (no federation), no
 * default groups (joining a group fires events a row cannot). Updates go through the user model
 * ({@link ModelCustomerStore}), which invalidates the changed users' cache entries on every node.
 */
final class SqlCustomerStore implements CustomerStore {

    static final String NAME = "sql";
    /** Keycloak's priority step between a user's credentials; the first one gets one step. */
    private static final int FIRST_CREDENTIAL_PRIORITY = 10;
    private static final int MAX_IDS_PER_QUERY = 1000;
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Ends a lookup's subquery, which then reads by the one index its condition names whatever PostgreSQL knows of the
     * tables: {@code OFFSET 0} keeps the planner from merging it into the outer query, where the realm's condition
     * would let it choose an index on the realm and read every user of the realm per value. Before a fresh table's
     * first ANALYZE, PostgreSQL guesses that a realm, or a name like customer_id, matches few rows: the lookups used to
     * read every customer of the table per batch, and a first import ran at a third of its speed until autovacuum's
     * first ANALYZE (ImportLookupPlanIT).
     */
    private static final String ALONE = " OFFSET 0";
    private static final TimeOrderedIds IDS = new TimeOrderedIds();

    private final RealmModel realm;
    private final EntityManager em;
    private final KeycloakJpa.Database database;
    private final ModelCustomerStore model;

    SqlCustomerStore(KeycloakSession session, RealmModel realm, EntityManager em, KeycloakJpa.Database database) {
        this.realm = realm;
        this.em = em;
        this.database = database;
        this.model = new ModelCustomerStore(session, realm);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, StoredCustomer> byCustomerId(Collection<String> customerIds) {
        Map<String, StoredCustomer> found = new HashMap<>();
        for (List<String> ids : chunks(customerIds)) {
            int after = ids.size();
            String realmId = "?" + (after + 1);
            String customerId = "?" + (after + 2);
            String country = "?" + (after + 3);
            String language = "?" + (after + 4);
            String password = "?" + (after + 5);
            Query lookup = em.createNativeQuery("SELECT u.id, a.value, u.username, u.email,"
                    + " (SELECT min(c.value) FROM " + attributesOf("u.id") + " WHERE c.name = " + country + "),"
                    + " (SELECT min(c.value) FROM " + attributesOf("u.id") + " WHERE c.name = " + language + "),"
                    + " (SELECT min(p.id) FROM " + credentialsOf("u.id") + " WHERE p.type = " + password + "),"
                    + " (SELECT min(p.user_label) FROM " + credentialsOf("u.id") + " WHERE p.type = " + password + ")"
                    + " FROM " + ValuesList.of(after) + " AS wanted(value),"
                    + " LATERAL (SELECT a.user_id, a.value FROM " + table("user_attribute") + " a"
                    + " WHERE a.name = " + customerId + " AND a.value = wanted.value" + ALONE + ") AS a,"
                    + " LATERAL (SELECT u.id, u.username, u.email, u.realm_id FROM " + table("user_entity") + " u"
                    + " WHERE u.id = a.user_id" + ALONE + ") AS u"
                    + " WHERE u.realm_id = " + realmId);
            ValuesList.bind(lookup, ids, realm.getId(), CustomerAttributes.CUSTOMER_ID, CustomerAttributes.COUNTRY,
                    CustomerAttributes.LANGUAGE, PasswordCredentialModel.TYPE);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = lookup.getResultList();
            for (Object[] row : rows) {
                found.putIfAbsent((String) row[1], new StoredCustomer((String) row[0], (String) row[1],
                        (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6],
                        (String) row[7]));
            }
        }
        return found;
    }

    /**
     * The users holding each address as email or as username in the realm. The username is found by seeking the
     * unique index on (realm, username), written as a row comparison ordered by it, which no other index can serve:
     * as a plain equality, PostgreSQL without statistics may take the index on (realm, creation time) instead and
     * read every user of the realm per address.
     */
    @Override
    public Map<String, String> holdersOf(Collection<String> emails) {
        Map<String, String> holders = new HashMap<>();
        for (List<String> addresses : chunks(emails)) {
            String realmId = "?" + (addresses.size() + 1);
            Query lookup = em.createNativeQuery("SELECT holder.* FROM " + ValuesList.of(addresses.size())
                    + " AS wanted(address), LATERAL ("
                    + "SELECT e.id, e.email, e.username FROM (SELECT u.id, u.email, u.username, u.realm_id FROM "
                    + table("user_entity") + " u WHERE u.email = wanted.address" + ALONE + ") AS e"
                    + " WHERE e.realm_id = " + realmId
                    + " UNION ALL SELECT n.id, n.email, n.username FROM (SELECT u.id, u.email, u.username,"
                    + " u.realm_id FROM " + table("user_entity") + " u"
                    + " WHERE (u.realm_id, u.username) >= (" + realmId + ", wanted.address)"
                    + " ORDER BY u.realm_id, u.username LIMIT 1) AS n"
                    + " WHERE n.realm_id = " + realmId + " AND n.username = wanted.address) AS holder");
            ValuesList.bind(lookup, addresses, realm.getId());
            @SuppressWarnings("unchecked")
            List<Object[]> rows = lookup.getResultList();
            for (Object[] row : rows) {
                for (Object address : new Object[] {row[1], row[2]}) {
                    if (address != null && addresses.contains(address)) {
                        holders.putIfAbsent((String) address, (String) row[0]);
                    }
                }
            }
        }
        return holders;
    }

    @Override
    public List<String> create(List<ImportedCustomer> customers) {
        SqlRows users = new SqlRows(table("user_entity"), List.of("id", "username", "email", "email_constraint",
                "email_verified", "enabled", "first_name", "last_name", "realm_id", "created_timestamp",
                "last_modified_timestamp", "federation_link", "service_account_client_link", "not_before"));
        SqlRows attributes = new SqlRows(table("user_attribute"), List.of("id", "name", "value", "user_id",
                "long_value_hash", "long_value_hash_lower_case", "long_value"));
        SqlRows roles = new SqlRows(table("user_role_mapping"), List.of("role_id", "user_id"));
        SqlRows actions = new SqlRows(table("user_required_action"), List.of("user_id", "required_action"));
        SqlRows credentials = new SqlRows(table("credential"), List.of("id", "type", "user_label", "created_date",
                "user_id", "secret_data", "credential_data", "priority", "salt", "version"));
        String realmId = realm.getId();
        String defaultRole = realm.getDefaultRole().getId();
        List<String> defaultActions = realm.getRequiredActionProvidersStream()
                .filter(RequiredActionProviderModel::isEnabled)
                .filter(RequiredActionProviderModel::isDefaultAction)
                .map(RequiredActionProviderModel::getAlias)
                .toList();
        boolean duplicateEmails = realm.isDuplicateEmailsAllowed();
        // One creation time for the batch: it is written in one transaction.
        long now = Time.currentTimeMillis();
        List<String> ids = new ArrayList<>(customers.size());
        for (ImportedCustomer customer : customers) {
            String id = IDS.next();
            ids.add(id);
            users.add(id, customer.email(), customer.email(),
                    duplicateEmails ? IDS.next() : customer.email(), true, true,
                    customer.firstName(), customer.lastName(), realmId, now, now, null, null, 0);
            for (String name : CustomerAttributes.ALL) {
                attributes.add(IDS.next(), name, customer.attributes().get(name).get(0), id,
                        null, null, null);
            }
            roles.add(defaultRole, id);
            defaultActions.forEach(action -> actions.add(id, action));
            if (customer.password() != null) {
                credentials.add(IDS.next(), PasswordCredentialModel.TYPE,
                        PasswordMarker.label(customer.passwordFingerprint()), now, id,
                        customer.password().getSecretData(), customer.password().getCredentialData(),
                        FIRST_CREDENTIAL_PRIORITY, null, 0);
            }
        }
        try {
            em.callWithConnection((Connection connection) -> {
                for (SqlRows rows : List.of(users, attributes, roles, actions, credentials)) {
                    if (!rows.isEmpty()) {
                        rows.insert(connection);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (uniqueViolation(e)) {
                // Another writer stored one of these emails after the lookup: the endpoint answers 409 for a retry.
                throw new ModelDuplicateException("a user of the batch was stored concurrently", e);
            }
            throw e;
        }
        return ids;
    }

    @Override
    public void update(List<CustomerUpdate> updates) {
        model.update(updates);
    }

    /** Ordered by customer_id; the cursor is the last customer_id of the previous page. */
    @Override
    public Page page(String cursor, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.value, a.user_id FROM " + table("user_attribute") + " a"
                        + " JOIN " + table("user_entity") + " u ON u.id = a.user_id"
                        + " WHERE u.realm_id = :realm AND a.name = :customerId AND a.value > :after ORDER BY a.value")
                .setParameter("realm", realm.getId())
                .setParameter("customerId", CustomerAttributes.CUSTOMER_ID)
                .setParameter("after", cursor == null ? "" : cursor)
                .setMaxResults(max)
                .getResultList();
        List<RealmCustomer> customers = rows.stream()
                .map(row -> new RealmCustomer((String) row[0], (String) row[1])).toList();
        return new Page(customers, customers.size() < max ? null : customers.get(customers.size() - 1).customerId());
    }

    /** Whether the database refused a row for a unique key (SQLSTATE 23505, the standard's unique violation). */
    private static boolean uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private String table(String name) {
        return database.table(name);
    }

    /** A user's attributes, {@code c}, read by user only. */
    private String attributesOf(String userId) {
        return "(SELECT c.name, c.value FROM " + table("user_attribute") + " c WHERE c.user_id = " + userId + ALONE
                + ") AS c";
    }

    /** A user's credentials, {@code p}, read by user only. */
    private String credentialsOf(String userId) {
        return "(SELECT p.id, p.type, p.user_label FROM " + table("credential") + " p WHERE p.user_id = " + userId
                + ALONE + ") AS p";
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_QUERY)));
        }
        return chunks;
    }
}
