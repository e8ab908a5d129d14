package io.customerauth.common.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BcryptCredentialTest {

    private static final String BCRYPT_10 = "$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi";

    @ParameterizedTest
    @ValueSource(strings = {"$2a$", "$2b$", "$2y$"})
    void theThreeVersionsAreModularCryptStrings(String version) {
        assertThat(BcryptCredential.MODULAR_CRYPT.matcher(BCRYPT_10.replace("$2b$", version)).matches()).isTrue();
    }

    @Test
    void aTruncatedOrVersionlessStringIsNot() {
        assertThat(BcryptCredential.MODULAR_CRYPT.matcher(BCRYPT_10.substring(0, 59)).matches()).isFalse();
        assertThat(BcryptCredential.MODULAR_CRYPT.matcher(BCRYPT_10.replace("$2b$", "$2$")).matches()).isFalse();
        assertThat(BcryptCredential.MODULAR_CRYPT.matcher(BCRYPT_10.replace("$2b$", "$2x$")).matches()).isFalse();
    }

    @Test
    void readsTheCostEvenWhereTheRestOfTheStringIsBroken() {
        assertThat(BcryptCredential.cost(BCRYPT_10)).hasValue(10);
        assertThat(BcryptCredential.cost("$2b$31$broken")).hasValue(31);
        assertThat(BcryptCredential.cost("$2$05$x")).hasValue(5);
        assertThat(BcryptCredential.cost("not bcrypt")).isEmpty();
        assertThat(BcryptCredential.cost(null)).isEmpty();
    }
}
