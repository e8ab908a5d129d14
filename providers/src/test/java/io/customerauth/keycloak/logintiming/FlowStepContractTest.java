package io.customerauth.keycloak.logintiming;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link FlowStep#refused} relies on in Keycloak's private authentication SPI: the context a flow hands an
 * authenticator is the processor's {@link AuthenticationProcessor.Result}, whose status the step's own decision sets.
 * Were Keycloak to hand over another context, every login through the even-timing steps would be padded as refused,
 * silently: this test names what moved instead.
 */
class FlowStepContractTest {

    @Test
    void theProcessorMakesEveryAuthenticatorsContextAResult() throws NoSuchMethodException {
        assertThat(AuthenticationProcessor.class.getMethod("createAuthenticatorContext",
                AuthenticationExecutionModel.class, Authenticator.class, List.class).getReturnType())
                .isEqualTo(AuthenticationProcessor.Result.class);
        assertThat(AuthenticationFlowContext.class).isAssignableFrom(AuthenticationProcessor.Result.class);
    }

    @Test
    void aStepThatSucceedsOrIsAttemptedIsNotRefused() {
        AuthenticationFlowContext succeeded = context();
        succeeded.success();
        AuthenticationFlowContext attempted = context();
        attempted.attempted();

        assertThat(FlowStep.refused(succeeded)).isFalse();
        assertThat(FlowStep.refused(attempted)).isFalse();
    }

    @Test
    void aStepThatFailedOrDecidedNothingIsRefused() {
        AuthenticationFlowContext failed = context();
        failed.failure(AuthenticationFlowError.INVALID_CREDENTIALS);

        assertThat(FlowStep.refused(failed)).isTrue();
        assertThat(FlowStep.refused(context())).isTrue();
    }

    private static AuthenticationFlowContext context() {
        return new AuthenticationProcessor().createAuthenticatorContext(new AuthenticationExecutionModel(),
                new EvenTimePasswordAuthenticator(), List.of());
    }
}
