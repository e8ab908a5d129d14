package io.customerauth.it.stack;

import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.ResetCodeStep;
import io.customerauth.it.harness.TestStack;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class RealmExportIT {

    @Test
    void userProfileDeclaresTheCustomerAttributesForAdmins(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();

        assertThat(profile.getAttributes()).extracting(UPAttribute::getName)
                .contains("customer_id", "country", "language");
        UPAttribute customerId = profile.getAttribute("customer_id");
        assertThat(customerId.getPermissions().getEdit()).containsExactly("admin");
        assertThat(customerId.getValidations()).containsKey("pattern");
        assertThat(profile.getAttribute("country").getValidations()).containsKey("options");
        assertThat(profile.getAttribute("language").getPermissions().getEdit()).contains("admin", "user");
    }

    @Test
    void realmProtectsAgainstBruteForceAndEnforcesAPasswordPolicy(RealmResource realm) {
        RealmRepresentation representation = realm.toRepresentation();

        assertThat(representation.isBruteForceProtected()).isTrue();
        assertThat(representation.getPasswordPolicy())
                .contains("length(8)", "maxLength(128)", "notUsername", "notEmail",
                        "passwordBlacklist(customer-auth-common-passwords.txt)");
        assertThat(representation.isEventsEnabled()).isTrue();
        assertThat(representation.getEnabledEventTypes())
                .contains("LOGIN", "LOGIN_ERROR", "SEND_RESET_PASSWORD", "RESET_PASSWORD", "UPDATE_CREDENTIAL");
    }

    @Test
    void customerAppAllowsDirectAccessGrants(RealmResource realm) {
        List<ClientRepresentation> clients = realm.clients().findByClientId(TestStack.CLIENT_ID);

        assertThat(clients).singleElement()
                .satisfies(client -> assertThat(client.isDirectAccessGrantsEnabled()).isTrue());
    }

    @Test
    void forgotPasswordOnTheLoginPageMailsAVerificationCodeNeverALink(RealmResource realm) {
        RealmRepresentation representation = realm.toRepresentation();

        assertThat(representation.isResetPasswordAllowed()).as("the login page offers it").isTrue();
        assertThat(representation.getResetCredentialsFlow()).isEqualTo(ResetCodeStep.FLOW);
        assertThat(representation.getLoginTheme()).isEqualTo("customer-auth");
        assertThat(realm.flows().getExecutions(ResetCodeStep.FLOW))
                .extracting(AuthenticationExecutionInfoRepresentation::getProviderId)
                .containsExactly("reset-credentials-choose-user", ResetCodeStep.PROVIDER_ID, "reset-password")
                .doesNotContain("reset-credential-email");
        RequiredActionProviderRepresentation finish = realm.flows().getRequiredAction("customer-reset-finish");
        assertThat(finish.isEnabled()).isTrue();
        assertThat(finish.getPriority()).isGreaterThan(realm.flows().getRequiredAction("UPDATE_PASSWORD").getPriority());
    }

    @Test
    void customerAttributeLabelsAreRealmTextsInEnglishAndFrench(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();

        for (String attribute : List.of("customer_id", "country", "language")) {
            String key = "profile.attributes." + attribute;
            assertThat(profile.getAttribute(attribute).getDisplayName()).isEqualTo("${" + key + "}");
            assertThat(realm.localization().getRealmLocalizationTexts("en")).containsKey(key);
            assertThat(realm.localization().getRealmLocalizationTexts("fr")).containsKey(key);
        }
        assertThat(realm.localization().getRealmLocalizationTexts("fr"))
                .containsEntry("profile.attributes.country", "Pays");
    }
}
