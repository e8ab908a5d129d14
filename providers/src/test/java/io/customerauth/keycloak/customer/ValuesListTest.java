package io.customerauth.keycloak.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuesListTest {

    @Test
    void numbersOneRowPerValueFromTheFirstParameter() {
        assertThat(ValuesList.of(3)).isEqualTo("(VALUES (?1), (?2), (?3))");
        assertThat(ValuesList.of(1)).isEqualTo("(VALUES (?1))");
    }
}
