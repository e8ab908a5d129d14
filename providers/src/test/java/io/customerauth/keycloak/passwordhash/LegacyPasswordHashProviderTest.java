package io.customerauth.keycloak.passwordhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.PasswordPolicy;

class LegacyPasswordHashProviderTest {

    static Stream<Arguments> legacyProviders() {
        return Stream.of(
                Arguments.of(new BcryptPasswordHashProviderFactory(),
                        StoredCredentials.bcrypt("$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi")),
                Arguments.of(new WerkzeugScryptPasswordHashProviderFactory(), StoredCredentials.werkzeugScrypt(
                        "scrypt:1024:8:1$c2FsdA==$fbb194859186bdf91d42aec19e6cea34c74a25e639a9f4b7f8e0f26ac243e5581547e8c1d7c8345ece32bcbb2d086ff51bc819af2b5f0c050186f30aed3e2434")),
                Arguments.of(new WerkzeugPbkdf2PasswordHashProviderFactory(), StoredCredentials.werkzeugPbkdf2(
                        "pbkdf2:sha256:1000$c2FsdA==$4cc6420697f8d8d468abd0a815404ad4dda328285829e40ee31ffb0f701526b2")));
    }

    @ParameterizedTest
    @MethodSource("legacyProviders")
    void verifiesTheImportedPassword(PasswordHashProviderFactory factory,
                                     org.keycloak.models.credential.PasswordCredentialModel credential) {
        assertThat(factory.create(null).verify("Customer-Pass-1", credential)).isTrue();
        assertThat(factory.create(null).verify("Customer-Pass-2", credential)).isFalse();
        assertThat(factory.create(null).verify(null, credential)).isFalse();
    }

    /** Each would take minutes to days (or gigabytes) if it were hashed; the correct password changes nothing. */
    static Stream<Arguments> overCostHashes() {
        return Stream.of(
                Arguments.of(new BcryptPasswordHashProviderFactory(),
                        StoredCredentials.bcrypt("$2b$31$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi")),
                Arguments.of(new WerkzeugScryptPasswordHashProviderFactory(), StoredCredentials.werkzeugScrypt(
                        "scrypt:32768:8:262143$c2FsdA==$fbb194859186bdf91d42aec19e6cea34c74a25e639a9f4b7f8e0f26ac243e5581547e8c1d7c8345ece32bcbb2d086ff51bc819af2b5f0c050186f30aed3e2434")),
                Arguments.of(new WerkzeugScryptPasswordHashProviderFactory(), StoredCredentials.werkzeugScrypt(
                        "scrypt:1048576:8:1$c2FsdA==$fbb194859186bdf91d42aec19e6cea34c74a25e639a9f4b7f8e0f26ac243e5581547e8c1d7c8345ece32bcbb2d086ff51bc819af2b5f0c050186f30aed3e2434")),
                Arguments.of(new WerkzeugPbkdf2PasswordHashProviderFactory(), StoredCredentials.werkzeugPbkdf2(
                        "pbkdf2:sha256:9999999$c2FsdA==$4cc6420697f8d8d468abd0a815404ad4dda328285829e40ee31ffb0f701526b2")),
                Arguments.of(new WerkzeugPbkdf2PasswordHashProviderFactory(), StoredCredentials.werkzeugPbkdf2(
                        "pbkdf2:sha256:1000$c2FsdA==$" + "4cc6420697f8d8d468abd0a815404ad4".repeat(200))));
    }

    @ParameterizedTest
    @MethodSource("overCostHashes")
    void refusesAStoredHashOverTheCostLimitsAtOnce(PasswordHashProviderFactory factory,
                                                   org.keycloak.models.credential.PasswordCredentialModel credential) {
        assertThat(StoredHashCost.exceeded(credential)).isPresent();

        boolean verified = assertTimeoutPreemptively(Duration.ofMillis(500),
                () -> factory.create(null).verify("Customer-Pass-1", credential));

        assertThat(verified).isFalse();
    }

    @ParameterizedTest
    @MethodSource("legacyProviders")
    void neverSatisfiesAPolicySoKeycloakReHashes(PasswordHashProviderFactory factory,
                                                 org.keycloak.models.credential.PasswordCredentialModel credential) {
        PasswordPolicy policy = PasswordPolicy.empty();

        assertThat(factory.create(null).policyCheck(policy, credential)).isFalse();
        assertThat(factory.create(null).policyCheck(null, credential)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("legacyProviders")
    void neverCreatesANewHash(PasswordHashProviderFactory factory,
                              org.keycloak.models.credential.PasswordCredentialModel credential) {
        assertThatThrownBy(() -> factory.create(null).encodedCredential("Customer-Pass-1", -1))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(factory.getId())
                .hasMessageNotContaining("Customer-Pass-1");
    }

    @ParameterizedTest
    @MethodSource("legacyProviders")
    void keepsTheDefaultOrderSoItIsNeverTheServersDefaultHash(PasswordHashProviderFactory factory,
                                                              org.keycloak.models.credential.PasswordCredentialModel c) {
        assertThat(factory.order()).isZero();
    }

    @Test
    void registersEveryFactoryInTheServicesFile() throws IOException {
        String name = "META-INF/services/" + PasswordHashProviderFactory.class.getName();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertThat(in).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).containsExactlyInAnyOrder(
                    BcryptPasswordHashProviderFactory.class.getName(),
                    WerkzeugScryptPasswordHashProviderFactory.class.getName(),
                    WerkzeugPbkdf2PasswordHashProviderFactory.class.getName(),
                    CappedArgon2PasswordHashProviderFactory.class.getName(),
                    CappedPbkdf2PasswordHashProviderFactory.class.getName(),
                    CappedPbkdf2Sha256PasswordHashProviderFactory.class.getName(),
                    CappedPbkdf2Sha512PasswordHashProviderFactory.class.getName());
        }
    }

    @Test
    void usesAlgorithmIdsKeycloakDoesNotHave() {
        assertThat(List.of(BcryptPasswordHashProviderFactory.PROVIDER_ID,
                WerkzeugScryptPasswordHashProviderFactory.PROVIDER_ID,
                WerkzeugPbkdf2PasswordHashProviderFactory.PROVIDER_ID))
                .doesNotContain("argon2", "pbkdf2", "pbkdf2-sha256", "pbkdf2-sha512");
    }
}
