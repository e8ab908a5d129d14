package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.flows.FlowSteps;
import org.keycloak.models.RealmModel;

import java.util.Map;

import static io.customerauth.keycloak.resetcode.ResetCodeSetting.ADDRESS_WINDOW_SECONDS;
import static io.customerauth.keycloak.resetcode.ResetCodeSetting.CODE_LIFETIME_SECONDS;
import static io.customerauth.keycloak.resetcode.ResetCodeSetting.MAILS_PER_REALM;
import static io.customerauth.keycloak.resetcode.ResetCodeSetting.MAX_ATTEMPTS;
import static io.customerauth.keycloak.resetcode.ResetCodeSetting.REALM_WINDOW_SECONDS;
import static io.customerauth.keycloak.resetcode.ResetCodeSetting.REQUESTS_PER_ADDRESS;
import static io.customerauth.keycloak.resetcode.ResetCodeSetting.THROTTLE_SECONDS;

/**
 * A realm's forgot/reset-password settings, with their defaults: the one place that reads them, for the login page and
 * the JSON API alike.
 *
 * <p>They are the settings of the *Verification code by email* step in the realm's reset-credentials flow
 * (Authentication, customer reset credentials, the step's settings), found the way Keycloak finds that flow. A setting
 * the step lacks, or a realm without the step, falls back to the realm attributes used before
 * ({@code customerAuth.resetCode.*}, and {@code actionTokenGeneratedByUserLifespan.reset-credentials} for the
 * lifetime), then to the default ({@link ResetCodeSetting}). A limit with a count of 0 is off.
 *
 * @param perAddress     forgot-password requests one client address may make per window, across the cluster
 * @param perRealm       verification-code mails the realm may send per window, across the cluster
 */
public record ResetCodeSettings(int lifetimeSeconds, int maxAttempts, int throttleSeconds, Limit perAddress,
                                Limit perRealm) {

    public static final String LIFETIME_ACTION = "reset-credentials";

    /** At most {@code count} per {@code windowSeconds} (fixed windows); a count of 0 turns the limit off. */
    public record Limit(int count, int windowSeconds) {

        public boolean isOff() {
            return count <= 0;
        }
    }

    public static ResetCodeSettings of(RealmModel realm) {
        Map<String, String> stepConfig = FlowSteps
                .findEnabled(realm, realm.getResetCredentialsFlow(), ResetCodeAuthenticatorFactory.PROVIDER_ID)
                .map(step -> FlowSteps.configOf(realm, step))
                .orElse(Map.of());
        return of(stepConfig, realm);
    }

    static ResetCodeSettings of(Map<String, String> stepConfig, RealmModel realm) {
        return new ResetCodeSettings(
                CODE_LIFETIME_SECONDS.read(stepConfig, realm),
                MAX_ATTEMPTS.read(stepConfig, realm),
                THROTTLE_SECONDS.read(stepConfig, realm),
                new Limit(REQUESTS_PER_ADDRESS.read(stepConfig, realm), ADDRESS_WINDOW_SECONDS.read(stepConfig, realm)),
                new Limit(MAILS_PER_REALM.read(stepConfig, realm), REALM_WINDOW_SECONDS.read(stepConfig, realm)));
    }

    public int lifetimeMinutes() {
        return Math.max(1, (lifetimeSeconds + 59) / 60);
    }
}
