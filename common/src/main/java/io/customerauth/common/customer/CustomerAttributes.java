package io.customerauth.common.customer;

import java.util.List;

/**
 * The names of the customer's user attributes in Keycloak's store, which the realm's user profile declares, the tokens
 * carry as claims, the API shows in its {@code user} object, and the import tool and the bulk endpoint write. They are
 * also the fields of a {@code customer_export.json} record.
 */
public final class CustomerAttributes {

    /** A UUID, unique in the realm. */
    public static final String CUSTOMER_ID = "customer_id";
    /** ISO 3166-1 alpha-2. */
    public static final String COUNTRY = "country";
    /** ISO 639-1: the language of the customer's mails. */
    public static final String LANGUAGE = "language";

    /** Every customer attribute, each holding exactly one value. */
    public static final List<String> ALL = List.of(CUSTOMER_ID, COUNTRY, LANGUAGE);

    private CustomerAttributes() {
    }
}
