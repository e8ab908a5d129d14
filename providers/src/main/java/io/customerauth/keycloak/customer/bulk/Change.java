package io.customerauth.keycloak.customer.bulk;

import io.customerauth.common.customer.CustomerAttributes;
import io.customerauth.keycloak.customer.CustomerProfile;

/** What a re-run may change of a customer it finds by customer_id; nothing else of theirs is touched. */
enum Change {
    EMAIL(CustomerProfile.EMAIL),
    COUNTRY(CustomerAttributes.COUNTRY),
    LANGUAGE(CustomerAttributes.LANGUAGE),
    PASSWORD("password");

    private final String field;

    Change(String field) {
        this.field = field;
    }

    /** The name a result and the tool's report use. */
    String field() {
        return field;
    }
}
