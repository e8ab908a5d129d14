package io.customerauth.keycloak.logintiming;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the even-timing steps rely on in Keycloak's direct-grant authenticators, which they extend: both are open
 * classes whose {@code authenticate} a subclass may wrap, each is its own factory (so the subclass registers under its
 * own id and is the authenticator Keycloak runs), and Keycloak's dummy hash is callable. A Keycloak version that
 * closes or moves any of it fails here rather than at the first login.
 */
class EvenTimeStepsContractTest {

    @Test
    void keycloaksStepsAreOpenAndTheirAuthenticateCanBeWrapped() throws NoSuchMethodException {
        for (Class<?> step : new Class<?>[] {ValidatePassword.class, ValidateUsername.class}) {
            assertThat(Modifier.isFinal(step.getModifiers())).as("%s is final", step.getSimpleName()).isFalse();
            Method authenticate = step.getMethod("authenticate", AuthenticationFlowContext.class);
            assertThat(authenticate.getDeclaringClass()).as("%s declares authenticate", step.getSimpleName())
                    .isEqualTo(step);
            assertThat(Modifier.isFinal(authenticate.getModifiers())).isFalse();
        }
    }

    @Test
    void eachEvenTimeStepIsItsOwnFactoryUnderItsOwnId() {
        EvenTimePasswordAuthenticator password = new EvenTimePasswordAuthenticator();
        EvenTimeUsernameAuthenticator username = new EvenTimeUsernameAuthenticator();

        assertThat(password).isInstanceOf(AuthenticatorFactory.class);
        assertThat(password.create(null)).isSameAs(password);
        assertThat(username.create(null)).isSameAs(username);
        assertThat(password.getId()).isEqualTo(EvenTimePasswordAuthenticator.PROVIDER_ID)
                .isNotEqualTo(ValidatePassword.PROVIDER_ID);
        assertThat(username.getId()).isEqualTo(EvenTimeUsernameAuthenticator.PROVIDER_ID)
                .isNotEqualTo(ValidateUsername.PROVIDER_ID);
    }

    @Test
    void theStepsChangeOnlyTheTimingOfKeycloaksOwn() {
        for (Class<?> step : new Class<?>[] {EvenTimePasswordAuthenticator.class, EvenTimeUsernameAuthenticator.class}) {
            assertThat(Arrays.stream(step.getDeclaredMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
                    .map(Method::getName))
                    .as("public methods of %s", step.getSimpleName())
                    .containsExactlyInAnyOrder("authenticate", "getId", "getDisplayType", "getHelpText");
        }
        assertThat(new EvenTimePasswordAuthenticator().requiresUser()).isTrue();
        assertThat(new EvenTimeUsernameAuthenticator().requiresUser()).isFalse();
    }

    @Test
    void keycloaksDummyHashIsThereToPayForAnAccountWithoutAPassword() throws NoSuchMethodException {
        Method dummyHash = AuthenticatorUtils.class.getMethod("dummyHash", AuthenticationFlowContext.class);

        assertThat(Modifier.isStatic(dummyHash.getModifiers())).isTrue();
    }
}
