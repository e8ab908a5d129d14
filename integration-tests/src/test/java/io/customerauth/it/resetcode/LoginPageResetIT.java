package io.customerauth.it.resetcode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.Browser;
import io.customerauth.it.harness.BrowserExtension;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.Oidc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** "Forgot password?" on the realm's login page, in a real browser: the API's verification code, not a link. */
@CustomerAuthIT
@ExtendWith(BrowserExtension.class)
class LoginPageResetIT {

    private static final String NEW_PASSWORD = "Brand-New-Secret-42";
    private static final String REDIRECT_URI = "http://localhost:3000/callback";
    private static final By FORGOT_PASSWORD = By.cssSelector("a[href*='/login-actions/reset-credentials']");
    private static final By CODE_FIELD = By.id("code");
    private static final By CODE_ERROR = By.id("input-error-code");
    private static final By PAGE_MESSAGE = By.cssSelector(".pf-v5-c-alert__title");

    private final Browser browser;
    private final Api api;
    private final Oidc oidc;
    private final Customers customers;
    private final ResetFlow flow;
    private final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();

    LoginPageResetIT(Browser browser, Api api, Oidc oidc, Customers customers, Mailbox mailbox) {
        this.browser = browser;
        this.api = api;
        this.oidc = oidc;
        this.customers = customers;
        this.flow = new ResetFlow(api, mailbox);
    }

    @BeforeEach
    void freshBrowser() {
        browser.forgetEverything();
    }

    @Test
    void aCustomerResetsTheirPasswordWithTheMailedCodeAndSignsInWithTheNewOne(Mailbox mailbox, Events events) {
        Customer customer = customers.create();
        String earlierToken = api.accessToken(customer.email(), customer.password());

        askForACode(customer.email());
        assertThat(browser.find(PAGE_MESSAGE).getText()).isEqualTo(apiMessage(ResetFlow.SENT));
        String code = flow.awaitCode(customer.email(), 1);
        enterCode(code);
        browser.type(By.id("password-new"), NEW_PASSWORD);
        browser.type(By.id("password-confirm"), NEW_PASSWORD);
        browser.click(By.id("kc-submit"));

        assertThat(browser.awaitText(By.cssSelector("#kc-info-message .instruction"), text -> !text.isEmpty()))
                .isEqualTo("Your account has been updated.");
        assertThat(mailbox.awaitMail(customer.email(), 2, Duration.ofSeconds(30)).subject())
                .isEqualTo("Your password was changed");
        assertThat(api.currentUser(earlierToken).status()).as("the earlier session ended").isEqualTo(401);
        assertThat(api.login(customer.email(), customer.password()).status()).isEqualTo(401);
        assertThat(events.await(customer.id(), "RESET_PASSWORD").getClientId()).isEqualTo("customer-app");
        assertThat(events.await(customer.id(), "UPDATE_CREDENTIAL").getDetails())
                .containsEntry("credential_type", "password");
        assertThat(mailbox.to(customer.email())).extracting(Mailbox.Mail::text)
                .noneMatch(text -> text.contains("/login-actions/action-token"));

        String authorizationCode = signIn(customer.email(), NEW_PASSWORD);
        Api.Response tokens = oidc.token(Map.of("grant_type", "authorization_code", "client_id", "customer-app",
                "code", authorizationCode, "redirect_uri", REDIRECT_URI, "code_verifier", verifier), null);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(Oidc.claims(tokens.json().path("access_token").asText()).path("email").asText())
                .isEqualTo(customer.email());
    }

    @Test
    void aWrongCodeShowsTheApisGenericErrorAndAnUnknownEmailGetsTheSamePages() {
        Customer customer = customers.create();
        String wrongCode = UUID.randomUUID().toString();
        String apiError = apiMessage(flow.reset(customer.email(), wrongCode, NEW_PASSWORD).body());

        askForACode(customer.email());
        String known = browser.find(PAGE_MESSAGE).getText();
        enterCode(wrongCode);
        String knownError = browser.awaitText(CODE_ERROR, text -> !text.isEmpty());

        browser.forgetEverything();
        askForACode("nobody-" + UUID.randomUUID() + "@example.test");
        String unknown = browser.find(PAGE_MESSAGE).getText();
        enterCode(wrongCode);
        String unknownError = browser.awaitText(CODE_ERROR, text -> !text.isEmpty());

        assertThat(knownError).isEqualTo(apiError).isEqualTo("Invalid or expired verification code.");
        assertThat(unknownError).isEqualTo(knownError);
        assertThat(unknown).isEqualTo(known).isEqualTo(apiMessage(ResetFlow.SENT));
        assertThat(browser.find(CODE_FIELD).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.cssSelector("label[for='code']")).getText()).contains("Verification code");
    }

    @Test
    void aCustomerWhoReadsFrenchGetsTheCodePageInFrench() {
        Customer customer = customers.create(Customers.spec().language("fr"));

        askForACode(customer.email(), "&ui_locales=fr");
        String sent = browser.find(PAGE_MESSAGE).getText();
        String label = browser.find(By.cssSelector("label[for='code']")).getText();
        enterCode(UUID.randomUUID().toString());
        String error = browser.awaitText(CODE_ERROR, text -> !text.isEmpty());

        assertThat(sent).isEqualTo("Si vous avez un compte, vous recevrez un e-mail contenant les instructions pour"
                + " réinitialiser votre mot de passe.");
        assertThat(label).contains("Code de vérification");
        assertThat(error).isEqualTo("Code de vérification invalide ou expiré.");
    }

    private void askForACode(String email) {
        askForACode(email, "");
    }

    /** From customer-app's sign-in page: "Forgot password?", then the email. Ends on the code page. */
    private void askForACode(String email, String extraParameters) {
        browser.open(authorizationUrl() + extraParameters);
        browser.click(FORGOT_PASSWORD);
        browser.type(By.id("username"), email);
        browser.click(By.id("kc-form-buttons"));
        browser.find(CODE_FIELD);
    }

    private void enterCode(String code) {
        browser.type(CODE_FIELD, code);
        browser.click(By.id("kc-reset-code-submit"));
    }

    /** Signs in on the login page and returns the authorization code customer-app's redirect receives. */
    private String signIn(String email, String password) {
        browser.open(authorizationUrl());
        browser.type(By.id("username"), email);
        browser.type(By.id("password"), password);
        browser.click(By.id("kc-login"));
        String redirected = browser.until(driver -> driver.getCurrentUrl().startsWith(REDIRECT_URI)
                ? driver.getCurrentUrl() : null);
        return Arrays.stream(URI.create(redirected).getRawQuery().split("&"))
                .filter(parameter -> parameter.startsWith("code="))
                .map(parameter -> URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no code in " + redirected));
    }

    private String authorizationUrl() {
        return api.url(oidc.realmPath() + "/protocol/openid-connect/auth?client_id=customer-app&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String apiMessage(String json) {
        try {
            return new ObjectMapper().readTree(json).path("message").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
