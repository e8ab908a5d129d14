package io.customerauth.common.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerAttributesTest {

    /** The names of the seed's USER object and of customer_export.json: renaming one breaks every app and export. */
    @Test
    void theAttributesAreTheContractsNamesInOrder() {
        assertThat(CustomerAttributes.ALL).containsExactly("customer_id", "country", "language");
    }
}
