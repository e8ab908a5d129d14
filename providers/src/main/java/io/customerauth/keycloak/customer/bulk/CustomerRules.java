package io.customerauth.keycloak.customer.bulk;

/**
 * The one validation of a customer of a batch: the realm's user-profile rules and the stored hash's algorithm and
 * cost ({@link RealmCustomerRules}). Uniqueness is not checked here: the batch looks the whole batch up at once.
 */
interface CustomerRules {

    /** @throws InvalidCustomerException the customer breaks a rule; the message names the field and the rule */
    void check(ImportedCustomer customer) throws InvalidCustomerException;
}
