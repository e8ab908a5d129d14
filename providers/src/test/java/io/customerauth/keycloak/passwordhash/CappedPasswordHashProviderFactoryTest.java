package io.customerauth.keycloak.passwordhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.credential.hash.AbstractPbkdf2PasswordHashProviderFactory;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;

class CappedPasswordHashProviderFactoryTest {

    private final KeycloaksFactory keycloak = new KeycloaksFactory();
    private final CappedPasswordHashProviderFactory capped = new CappedPasswordHashProviderFactory(keycloak) {
    };

    @Test
    void neverHandsAnOverCostHashToKeycloaksProvider() {
        PasswordCredentialModel poisoned = StoredHashCostTest.argon2(1_048_576, 9999, 1, 32, 32);

        assertThat(capped.create(null).verify("Customer-Pass-1", poisoned)).isFalse();
        assertThat(keycloak.verifications).hasValue(0);
    }

    @Test
    void letsKeycloakVerifyEveryOtherHash() {
        PasswordCredentialModel normal = StoredHashCostTest.argon2(7168, 5, 1, 32, 32);

        assertThat(capped.create(null).verify("Customer-Pass-1", normal)).isTrue();
        assertThat(keycloak.verifications).hasValue(1);
    }

    @Test
    void isKeycloaksFactoryUnderTheSameIdWithAHigherOrder() {
        capped.init(null);

        assertThat(capped.getId()).isEqualTo("argon2");
        assertThat(capped.order()).isEqualTo(301);
        assertThat(capped.getConfigMetadata()).isSameAs(keycloak.getConfigMetadata());
        assertThat(capped.isSupported(null)).isFalse();
        assertThat(keycloak.initialised).isTrue();
        assertThat(capped.create(null).encodedCredential("x", 1)).isNull();
        assertThat(capped.create(null).policyCheck(null, (PasswordCredentialModel) null)).isTrue();
    }

    @Test
    void wrapsKeycloaksPbkdf2FamilyKeepingTheirRanking() {
        assertThat(List.of(new CappedPbkdf2PasswordHashProviderFactory(),
                new CappedPbkdf2Sha256PasswordHashProviderFactory(), new CappedPbkdf2Sha512PasswordHashProviderFactory()))
                .extracting(PasswordHashProviderFactory::getId, PasswordHashProviderFactory::order)
                .containsExactly(Tuple.tuple("pbkdf2", -99), Tuple.tuple("pbkdf2-sha256", 101),
                        Tuple.tuple("pbkdf2-sha512", 201));
    }

    @Test
    void refusesToStartWithoutKeycloaksFactory() {
        assertThatThrownBy(() -> CappedPasswordHashProviderFactory.keycloakFactory("org.keycloak.NoSuchFactory"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.keycloak.NoSuchFactory");
    }

    /** Stands for Keycloak's argon2 factory (keycloak-crypto-default is not on the test class path). */
    private static final class KeycloaksFactory extends AbstractPbkdf2PasswordHashProviderFactory
            implements EnvironmentDependentProviderFactory {

        final AtomicInteger verifications = new AtomicInteger();
        final List<ProviderConfigProperty> metadata = List.of(new ProviderConfigProperty());
        boolean initialised;

        @Override
        public PasswordHashProvider create(KeycloakSession session) {
            return new PasswordHashProvider() {
                @Override
                public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
                    return true;
                }

                @Override
                public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
                    return null;
                }

                @Override
                public boolean verify(String rawPassword, PasswordCredentialModel credential) {
                    verifications.incrementAndGet();
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void init(Config.Scope config) {
            initialised = true;
        }

        @Override
        public String getId() {
            return "argon2";
        }

        @Override
        public int order() {
            return 300;
        }

        @Override
        public List<ProviderConfigProperty> getConfigMetadata() {
            return metadata;
        }

        @Override
        public boolean isSupported(Config.Scope config) {
            return false;
        }
    }
}
