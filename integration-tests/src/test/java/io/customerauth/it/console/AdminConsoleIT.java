package io.customerauth.it.console;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.Browser;
import io.customerauth.it.harness.BrowserExtension;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.ResetCodeStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What an admin does in the admin console, in a real browser, and what the JSON API then does. */
@CustomerAuthIT
@ExtendWith(BrowserExtension.class)
class AdminConsoleIT {

    private static final String DIRECT_GRANT_FLOW = "customer direct grant";
    private static final String CLIENT_VERSION_STEP = "Client version";
    private static final Pattern CODE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final Browser browser;
    private final Api api;
    private final RealmResource realm;
    private final AdminConsole console;

    AdminConsoleIT(Browser browser, Api api, RealmResource realm) {
        this.browser = browser;
        this.api = api;
        this.realm = realm;
        this.console = new AdminConsole(browser, api.serverUrl());
    }

    @BeforeEach
    void signIn() {
        browser.forgetEverything();
        console.signIn("admin", "admin");
    }

    @Test
    void aMinimumClientVersionSavedInTheConsoleRefusesOlderAppsAtTheApiUntilItIsSetBack() {
        try {
            console.openFlow(DIRECT_GRANT_FLOW);
            console.openStepSettings(CLIENT_VERSION_STEP);
            assertThat(console.stepSetting("minimum_version")).isEqualTo("2.1.0");
            console.setStepSetting("minimum_version", "2.2.0");
            console.saveStepSettings();

            Api.Response refused = api.get("/version");
            assertThat(refused.status()).isEqualTo(426);
            assertThat(refused.json().path("minimum_version").asText()).isEqualTo("2.2.0");

            console.openStepSettings(CLIENT_VERSION_STEP);
            console.setStepSetting("minimum_version", "2.1.0");
            console.saveStepSettings();

            assertThat(api.get("/version").status()).isEqualTo(200);
        } finally {
            setMinimumVersionThroughTheAdminApi("2.1.0");
        }
    }

    @Test
    void theWrongCodesAllowedSavedInTheResetFlowsStepSettingsAreWhatTheApiAllows(Customers customers,
                                                                                 Mailbox mailbox) {
        screenshotTheStepSettingsWithTheShippedValues();
        Customer customer = customers.create();
        try (ResetCodeStep restored = ResetCodeStep.set(realm, Map.of())) {
            console.openFlow(ResetCodeStep.FLOW);
            console.openStepSettings(ResetCodeStep.DISPLAY_NAME);
            assertThat(console.stepSetting(ResetCodeStep.MAX_ATTEMPTS)).isEqualTo("5");
            console.setStepSetting(ResetCodeStep.MAX_ATTEMPTS, "2");
            console.saveStepSettings();
            assertThat(ResetCodeStep.settings(realm)).containsEntry(ResetCodeStep.MAX_ATTEMPTS, "2");

            assertThat(api.post("/forgot_password/", Map.of("email", customer.email())).status()).isEqualTo(200);
            String code = codeIn(mailbox.awaitMail(customer.email(), 1, Duration.ofSeconds(30)).text());
            for (int wrong = 0; wrong < 2; wrong++) {
                assertThat(reset(customer, UUID.randomUUID().toString()).status()).isEqualTo(400);
            }

            Api.Response rightCodeTooLate = reset(customer, code);

            assertThat(rightCodeTooLate.status()).isEqualTo(400);
            assertThat(rightCodeTooLate.json().path("message").asText())
                    .isEqualTo("Invalid or expired verification code.");
        }
    }

    @Test
    void aCustomersPageShowsTheCustomerAttributesWithHumanLabelsAlsoAfterAnUnchangedSaveOfTheUserProfile(
            Customers customers) {
        Customer customer = customers.create();
        Map<String, String> labels = Map.of("customer_id", "Customer ID", "country", "Country",
                "language", "Language");

        console.open("users/" + customer.id() + "/settings");
        labels.forEach((attribute, label) -> assertThat(labelOf(attribute)).isEqualTo(label));

        console.open("realm-settings/user-profile/attributes/customer_id/edit-attribute");
        browser.find(By.cssSelector("[data-testid='attributes-displayName']"));
        browser.click(By.cssSelector("[data-testid='attribute-create']"));
        browser.awaitText(By.cssSelector(".pf-v5-c-alert__title"), text -> text.contains("has been saved"));
        assertThat(realm.users().userProfile().getConfiguration().getAttribute("customer_id").getDisplayName())
                .isEqualTo("${profile.attributes.customer_id}");

        console.open("users/" + customer.id() + "/settings");
        labels.forEach((attribute, label) -> assertThat(labelOf(attribute)).isEqualTo(label));
    }

    /**
     * docs/reset-code-step-settings.png comes from here (integration-tests/target/browser/): the dialog as a freshly
     * imported realm has it, not with the limits the suite raises.
     */
    private void screenshotTheStepSettingsWithTheShippedValues() {
        try (ResetCodeStep shipped = ResetCodeStep.set(realm, Map.of(ResetCodeStep.REQUESTS_PER_ADDRESS, "10",
                ResetCodeStep.MAILS_PER_REALM, "300"))) {
            console.openFlow(ResetCodeStep.FLOW);
            console.openStepSettings(ResetCodeStep.DISPLAY_NAME);
            browser.find(By.cssSelector("div[role='dialog'] input[data-testid='" + ResetCodeStep.REALM_WINDOW
                    + "']"));
            browser.screenshot("reset-code-step-settings", By.cssSelector("div[role='dialog']"), 1700);
            console.closeDialog();
        }
    }

    private String labelOf(String attribute) {
        return browser.awaitText(By.cssSelector("label[for='" + attribute + "'] .pf-v5-c-form__label-text"),
                text -> !text.isEmpty());
    }

    private Api.Response reset(Customer customer, String code) {
        return api.post("/reset_password/", Map.of("email", customer.email(), "verification_code", code,
                "password", "Brand-New-Secret-42"));
    }

    private static String codeIn(String mailText) {
        Matcher matcher = CODE.matcher(mailText);
        assertThat(matcher.find()).as("a code in the mail").isTrue();
        return matcher.group();
    }

    private void setMinimumVersionThroughTheAdminApi(String minimum) {
        List<AuthenticationExecutionInfoRepresentation> steps = realm.flows().getExecutions(DIRECT_GRANT_FLOW);
        String configId = steps.stream().filter(step -> "client-version".equals(step.getProviderId()))
                .findFirst().orElseThrow().getAuthenticationConfig();
        AuthenticatorConfigRepresentation config = realm.flows().getAuthenticatorConfig(configId);
        config.getConfig().put("minimum_version", minimum);
        realm.flows().updateAuthenticatorConfig(configId, config);
    }
}
