package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResetCodeSettingsTest {

    @Test
    void aRealmWithNothingSetGetsWhatAShopKeeps() {
        ResetCodeSettings defaults = ResetCodeSettings.of(Map.of(), Models.realm("r", Map.of()));

        assertThat(defaults).isEqualTo(new ResetCodeSettings(600, 5, 60, new Limit(10, 600), new Limit(300, 60)));
        assertThat(defaults.lifetimeMinutes()).isEqualTo(10);
    }

    @Test
    void theStepSettingsGovern() {
        ResetCodeSettings set = ResetCodeSettings.of(Map.of(
                "codeLifetimeSeconds", "120",
                "maxAttempts", "3",
                "throttleSeconds", "0",
                "requestsPerAddress", "4",
                "addressWindowSeconds", " 30 ",
                "mailsPerRealm", "0",
                "realmWindowSeconds", "90"), Models.realm("r", Map.of()));

        assertThat(set).isEqualTo(new ResetCodeSettings(120, 3, 0, new Limit(4, 30), new Limit(0, 90)));
        assertThat(set.perRealm().isOff()).isTrue();
    }

    @Test
    void aRealmSetUpBeforeTheStepKeepsItsAttributesWhereTheStepSaysNothing() {
        Map<String, String> attributes = Map.of(
                "actionTokenGeneratedByUserLifespan.reset-credentials", "300",
                "customerAuth.resetCode.maxAttempts", "2",
                "customerAuth.resetCode.throttleSeconds", "0",
                "customerAuth.resetCode.requestsPerAddress", "3",
                "customerAuth.resetCode.mailsPerRealm", "50");

        ResetCodeSettings legacy = ResetCodeSettings.of(Map.of("maxAttempts", "4"), Models.realm("r", attributes));

        assertThat(legacy).isEqualTo(new ResetCodeSettings(300, 4, 0, new Limit(3, 600), new Limit(50, 60)));
    }

    @Test
    void anUnreadableOrTooSmallValueNeverLocksCustomersOut() {
        ResetCodeSettings odd = ResetCodeSettings.of(Map.of(
                "codeLifetimeSeconds", "-5",
                "maxAttempts", "not a number",
                "requestsPerAddress", "-1",
                "addressWindowSeconds", "0"), Models.realm("r", Map.of("customerAuth.resetCode.maxAttempts", "also not")));

        assertThat(odd).isEqualTo(new ResetCodeSettings(1, 5, 60, new Limit(0, 1), new Limit(300, 60)));
    }

    /** The queue of jobs after the answer is the server's, with its own option: a realm's old value is not read. */
    @Test
    void theJobsPerNodeAreNoLongerARealmSetting() {
        ResetCodeSettings.of(Map.of("maxQueuedJobs", "7"), Models.realm("r", Map.of()));

        assertThat(ResetCodeSetting.configProperties()).extracting(property -> property.getName())
                .doesNotContain("maxQueuedJobs");
    }

    @Test
    void everySettingShowsInTheConsoleWithItsDefault() {
        assertThat(ResetCodeSetting.configProperties())
                .extracting(property -> property.getName() + "=" + property.getDefaultValue())
                .containsExactly("codeLifetimeSeconds=600", "maxAttempts=5", "throttleSeconds=60",
                        "requestsPerAddress=10", "addressWindowSeconds=600", "mailsPerRealm=300",
                        "realmWindowSeconds=60");
        assertThat(ResetCodeSetting.configProperties()).allSatisfy(property -> {
            assertThat(property.getType()).isEqualTo("Integer");
            assertThat(property.getLabel()).isNotBlank();
            assertThat(property.getHelpText()).isNotBlank();
        });
    }
}
