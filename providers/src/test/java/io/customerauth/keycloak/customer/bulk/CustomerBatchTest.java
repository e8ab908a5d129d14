package io.customerauth.keycloak.customer.bulk;

import static io.customerauth.keycloak.customer.bulk.Customers.BCRYPT_SECRET;
import static io.customerauth.keycloak.customer.bulk.Customers.OTHER_BCRYPT_SECRET;
import static io.customerauth.keycloak.customer.bulk.Customers.user;
import static io.customerauth.keycloak.customer.bulk.Customers.withHash;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

import io.customerauth.keycloak.customer.bulk.ImportResult.Status;

/** A batch against customers held in memory: each rule of an import and of a re-run, without a server. */
class CustomerBatchTest {

    private static final String ID_A = "8b4a1343-292d-45ed-ba5f-846fa9167ede";
    private static final String ID_B = "0c6f2a54-9a51-4d7e-8a3f-2f1d7f6c9e11";

    private final InMemoryCustomerStore store = new InMemoryCustomerStore();
    private final Set<String> claimedElsewhere = new HashSet<>();
    private final List<String> claims = new ArrayList<>();
    private final CustomerRules rules = customer -> {
        if (customer.country().equals("XX")) {
            throw new InvalidCustomerException("country: error-invalid-option");
        }
    };

    private CustomerBatch batch() {
        return new CustomerBatch(store, rules, customerIds -> {
            claims.addAll(customerIds);
            Set<String> held = new HashSet<>(customerIds);
            held.removeAll(claimedElsewhere);
            return held;
        });
    }

    private CustomerBatch.Outcome run(UserRepresentation... users) {
        return batch().run(List.of(users), false);
    }

    @Test
    void createsNewCustomersAndAnswersOneResultPerUserInOrder() {
        CustomerBatch.Outcome outcome = run(user("a@example.com", ID_A, "FR", "fr"),
                user("b@example.com", ID_B, "XX", "fr"), user("c@example.com"));

        assertThat(outcome.results()).extracting(ImportResult::status)
                .containsExactly(Status.CREATED, Status.REJECTED, Status.CREATED);
        assertThat(outcome.results().get(1).reason()).isEqualTo("country: error-invalid-option");
        assertThat(outcome.createdUserIds()).hasSize(2);
        assertThat(store.customer(ID_A).email()).isEqualTo("a@example.com");
        assertThat(store.customer(ID_B)).isNull();
    }

    @Test
    void looksTheWholeBatchUpWithThreeQuestionsToTheStoreAndWritesOnce() {
        List<UserRepresentation> users = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            users.add(user("customer-" + i + "@example.com"));
        }

        batch().run(users, false);

        assertThat(store.lookups).as("by customer_id, again under the claims, holders of the emails").isEqualTo(3);
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.size()).isEqualTo(500);
    }

    @Test
    void withClaimsThatWaitForOtherWritersClaimsTheWholeBatchBeforeItsOneLookup() {
        store.add("known@example.com", ID_A, "FR", "fr", null);
        List<String> claimed = new ArrayList<>();
        List<Integer> lookupsBeforeTheClaim = new ArrayList<>();
        CustomerIdGuard waiting = CustomerIdGuard.of(true, customerIds -> {
            claimed.addAll(customerIds);
            lookupsBeforeTheClaim.add(store.lookups);
            return new HashSet<>(customerIds);
        });

        CustomerBatch.Outcome outcome = new CustomerBatch(store, rules, waiting)
                .run(List.of(user("known@example.com", ID_A, "BE", "fr"), user("b@example.com", ID_B, "FR", "fr")),
                        false);

        assertThat(claimed).as("the known customer's id too").containsExactly(ID_A, ID_B);
        assertThat(lookupsBeforeTheClaim).containsExactly(0);
        assertThat(store.lookups).as("by customer_id once, holders of the emails").isEqualTo(2);
        assertThat(outcome.results()).extracting(ImportResult::status).containsExactly(Status.UPDATED,
                Status.CREATED);
    }

    @Test
    void aReRunOfTheSameExportLeavesEveryCustomerUnchangedAndWritesNothing() {
        UserRepresentation a = withHash(user("a@example.com", ID_A, "FR", "fr"), BCRYPT_SECRET);
        UserRepresentation b = user("b@example.com", ID_B, "DE", "de");
        run(a, b);
        store.writes = 0;

        CustomerBatch.Outcome again = run(a, b);

        assertThat(again.results()).extracting(ImportResult::status).containsOnly(Status.UNCHANGED);
        assertThat(store.writes).isZero();
        assertThat(claims).as("ids claimed: only on the first run, for the creations").hasSize(2);
    }

    @Test
    void aReRunWritesTheExportsEmailCountryAndLanguageAndSaysWhichChanged() {
        run(user("a@example.com", ID_A, "FR", "fr"), user("b@example.com", ID_B, "DE", "de"));

        CustomerBatch.Outcome outcome = run(user("a.new@example.com", ID_A, "BE", "fr"),
                user("b@example.com", ID_B, "DE", "en"));

        assertThat(outcome.results().get(0).status()).isEqualTo(Status.UPDATED);
        assertThat(outcome.results().get(0).changes()).containsExactly("email", "country");
        assertThat(outcome.results().get(1).changes()).containsExactly("language");
        assertThat(outcome.updatedUserIds()).hasSize(2);
        StoredCustomer a = store.customer(ID_A);
        assertThat(a.email()).isEqualTo("a.new@example.com");
        assertThat(a.username()).as("username follows the email").isEqualTo("a.new@example.com");
        assertThat(a.country()).isEqualTo("BE");
        assertThat(store.customer(ID_B).language()).isEqualTo("en");
    }

    @Test
    void anEmailHeldByAnotherUserIsRejectedForANewCustomerAndForAnExistingOne() {
        store.addOtherUser("admin@example.com");
        run(user("a@example.com", ID_A, "FR", "fr"));

        CustomerBatch.Outcome outcome = run(user("admin@example.com", ID_A, "FR", "fr"),
                user("admin@example.com", ID_B, "FR", "fr"));

        assertThat(outcome.results().get(0).reason()).isEqualTo(CustomerBatch.EMAIL_TAKEN);
        assertThat(outcome.results().get(1).reason()).isEqualTo("email: twice in this batch");
        assertThat(run(user("admin@example.com", ID_B, "FR", "fr")).results().get(0).reason())
                .isEqualTo(CustomerBatch.EMAIL_TAKEN);
        assertThat(store.customer(ID_A).email()).isEqualTo("a@example.com");
        assertThat(store.customer(ID_B)).isNull();
    }

    @Test
    void aNewerHashFromTheExportReplacesTheImportedOne() {
        run(withHash(user("a@example.com", ID_A, "FR", "fr"), BCRYPT_SECRET));
        String firstLabel = store.customer(ID_A).passwordLabel();

        CustomerBatch.Outcome outcome = run(withHash(user("a@example.com", ID_A, "FR", "fr"), OTHER_BCRYPT_SECRET));

        assertThat(outcome.results().get(0).status()).isEqualTo(Status.UPDATED);
        assertThat(outcome.results().get(0).changes()).containsExactly("password");
        assertThat(store.customer(ID_A).passwordLabel()).startsWith(PasswordMarker.PREFIX).isNotEqualTo(firstLabel);
    }

    @Test
    void aPasswordTheCustomerSetInKeycloakIsNeverOverwrittenButTheOtherFieldsAreStillSynced() {
        run(withHash(user("a@example.com", ID_A, "FR", "fr"), BCRYPT_SECRET));
        store.setPasswordInKeycloak(ID_A);

        CustomerBatch.Outcome same = run(withHash(user("a@example.com", ID_A, "FR", "fr"), OTHER_BCRYPT_SECRET));
        CustomerBatch.Outcome moved = run(withHash(user("a@example.com", ID_A, "BE", "fr"), OTHER_BCRYPT_SECRET));

        assertThat(same.results().get(0)).isEqualTo(ImportResult.unchanged(CustomerComparison.PASSWORD_KEPT));
        assertThat(moved.results().get(0).changes()).containsExactly("country");
        assertThat(moved.results().get(0).reason()).isEqualTo(CustomerComparison.PASSWORD_KEPT);
        assertThat(store.customer(ID_A).passwordLabel()).isNull();
    }

    @Test
    void aCustomerWithoutAnyPasswordGetsTheExportsHashAndARecordWithoutHashLeavesThePasswordAlone() {
        run(user("a@example.com", ID_A, "FR", "fr"));
        run(withHash(user("b@example.com", ID_B, "FR", "fr"), BCRYPT_SECRET));

        CustomerBatch.Outcome outcome = run(withHash(user("a@example.com", ID_A, "FR", "fr"), BCRYPT_SECRET),
                user("b@example.com", ID_B, "FR", "fr"));

        assertThat(outcome.results().get(0).changes()).containsExactly("password");
        assertThat(outcome.results().get(1).status()).isEqualTo(Status.UNCHANGED);
        assertThat(store.customer(ID_B).passwordLabel()).startsWith(PasswordMarker.PREFIX);
    }

    @Test
    void aCustomerIdAnotherWriterIsStoringIsRejectedAndTheRestIsWritten() {
        claimedElsewhere.add(ID_A);

        CustomerBatch.Outcome outcome = run(user("a@example.com", ID_A, "FR", "fr"),
                user("b@example.com", ID_B, "FR", "fr"));

        assertThat(outcome.results().get(0)).isEqualTo(ImportResult.rejected(CustomerBatch.CUSTOMER_ID_IN_FLIGHT));
        assertThat(outcome.results().get(1).status()).isEqualTo(Status.CREATED);
    }

    @Test
    void aCustomerAnotherWriterCommittedBeforeOurClaimIsFoundUnderTheClaimAndComparedNotCreatedTwice() {
        CustomerStore racing = new RacingStore(store, ID_A);

        CustomerBatch.Outcome outcome = new CustomerBatch(racing, rules, HashSet::new)
                .run(List.of(user("a@example.com", ID_A, "BE", "fr")), false);

        assertThat(outcome.results().get(0).status()).isEqualTo(Status.UPDATED);
        assertThat(outcome.results().get(0).changes()).containsExactly("country");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aDryRunDecidesTheSameButWritesAndClaimsNothing() {
        run(user("a@example.com", ID_A, "FR", "fr"));
        store.writes = 0;
        claims.clear();

        CustomerBatch.Outcome outcome = batch().run(List.of(user("a@example.com", ID_A, "BE", "fr"),
                user("b@example.com", ID_B, "FR", "fr"), user("c@example.com", "not-used", "XX", "fr")), true);

        assertThat(outcome.results()).extracting(ImportResult::status)
                .containsExactly(Status.UPDATED, Status.CREATED, Status.REJECTED);
        assertThat(outcome.createdUserIds()).isEmpty();
        assertThat(outcome.updatedUserIds()).isEmpty();
        assertThat(store.writes).isZero();
        assertThat(claims).isEmpty();
        assertThat(store.customer(ID_A).country()).isEqualTo("FR");
    }

    @Test
    void anInvalidRecordDoesNotMakeALaterValidOneADuplicate() {
        CustomerBatch.Outcome outcome = run(user("a@example.com", ID_A, "XX", "fr"),
                user("a@example.com", ID_A, "FR", "fr"));

        assertThat(outcome.results()).extracting(ImportResult::status)
                .containsExactly(Status.REJECTED, Status.CREATED);
    }

    /** A store where another writer commits customer {@code customerId} between the batch's first look and its claim. */
    private static final class RacingStore implements CustomerStore {
        private final InMemoryCustomerStore store;
        private final String customerId;
        private boolean committed;

        RacingStore(InMemoryCustomerStore store, String customerId) {
            this.store = store;
            this.customerId = customerId;
        }

        @Override
        public String name() {
            return "racing";
        }

        @Override
        public Map<String, StoredCustomer> byCustomerId(Collection<String> customerIds) {
            Map<String, StoredCustomer> found = store.byCustomerId(customerIds);
            if (!committed) {
                committed = true;
                store.add("a@example.com", customerId, "FR", "fr", null);
            }
            return found;
        }

        @Override
        public Map<String, String> holdersOf(Collection<String> emails) {
            return store.holdersOf(emails);
        }

        @Override
        public List<String> create(List<ImportedCustomer> customers) {
            return store.create(customers);
        }

        @Override
        public void update(List<CustomerUpdate> updates) {
            store.update(updates);
        }

        @Override
        public Page page(String cursor, int max) {
            return store.page(cursor, max);
        }
    }
}
