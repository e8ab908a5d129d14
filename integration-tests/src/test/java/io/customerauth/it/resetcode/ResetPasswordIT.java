package io.customerauth.it.resetcode;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.ResetCodeStep;
import io.customerauth.it.harness.ServerLog;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class ResetPasswordIT {

    private static final String NEW_PASSWORD = "Brand-New-Secret-42";

    private final Api api;
    private final Customers customers;
    private final Mailbox mailbox;
    private final RealmResource realm;
    private final ResetFlow flow;

    ResetPasswordIT(Api api, Customers customers, Mailbox mailbox, RealmResource realm) {
        this.api = api;
        this.customers = customers;
        this.mailbox = mailbox;
        this.realm = realm;
        this.flow = new ResetFlow(api, mailbox);
    }

    @Test
    void forgotThenResetChangesThePasswordAndEndsEverySession(Events events, ServerLog log) {
        Customer customer = customers.create(Customers.spec().language("fr"));
        String earlierToken = api.accessToken(customer.email(), customer.password());

        String code = flow.forgotAndReadCode(customer.email());
        Api.Response reset = flow.reset(customer.email(), code, NEW_PASSWORD);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"message\":\"Password reset.\"}");
        assertThat(api.login(customer.email(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(api.login(customer.email(), customer.password()).status()).isEqualTo(401);
        assertThat(api.currentUser(earlierToken).status()).isEqualTo(401);
        assertThat(mailbox.awaitMail(customer.email(), 2, java.time.Duration.ofSeconds(30)).subject())
                .isEqualTo("Votre mot de passe a été modifié");
        assertThat(events.await(customer.id(), "RESET_PASSWORD").getClientId()).isEqualTo("customer-app");
        assertThat(events.await(customer.id(), "UPDATE_CREDENTIAL").getDetails())
                .containsEntry("credential_type", "password");
        assertThat(log.text()).doesNotContain(code).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void aCodeWorksOnceEvenUnderConcurrentUse() throws Exception {
        Customer customer = customers.create();
        String code = flow.forgotAndReadCode(customer.email());
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Api.Response>> attempts = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return flow.reset(customer.email(), code, NEW_PASSWORD + i);
                }))
                .toList();
        start.countDown();

        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).map(Api.Response::status).toList();
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
        Api.Response reused = flow.reset(customer.email(), code, NEW_PASSWORD);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).isEqualTo(ResetFlow.INVALID_CODE);
    }

    @Test
    void wrongCodeUnknownEmailAndAnotherUsersCodeGetTheSameAnswer() {
        Customer alice = customers.create();
        Customer bob = customers.create();
        String alicesCode = flow.forgotAndReadCode(alice.email());

        Api.Response wrong = flow.reset(alice.email(), java.util.UUID.randomUUID().toString(), NEW_PASSWORD);
        Api.Response unknown = flow.reset("nobody-" + System.nanoTime() + "@example.test", alicesCode, NEW_PASSWORD);
        Api.Response othersCode = flow.reset(bob.email(), alicesCode, NEW_PASSWORD);
        Api.Response notAUuid = flow.reset(alice.email(), "123456", NEW_PASSWORD);

        for (Api.Response response : List.of(wrong, unknown, othersCode, notAUuid)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(ResetFlow.INVALID_CODE);
        }
        assertThat(flow.reset(alice.email(), alicesCode, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void afterFiveWrongCodesTheRightOneIsDeadToo() {
        Customer customer = customers.create();
        String code = flow.forgotAndReadCode(customer.email());

        for (int i = 0; i < 5; i++) {
            assertThat(flow.reset(customer.email(), java.util.UUID.randomUUID().toString(), NEW_PASSWORD).status())
                    .isEqualTo(400);
        }
        Api.Response sixth = flow.reset(customer.email(), code, NEW_PASSWORD);

        assertThat(sixth.status()).isEqualTo(400);
        assertThat(sixth.body()).isEqualTo(ResetFlow.INVALID_CODE);
    }

    @Test
    void fourWrongCodesStillLeaveTheRightOneUsable() {
        Customer customer = customers.create();
        String code = flow.forgotAndReadCode(customer.email());

        for (int i = 0; i < 4; i++) {
            flow.reset(customer.email(), java.util.UUID.randomUUID().toString(), NEW_PASSWORD);
        }

        assertThat(flow.reset(customer.email(), code, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aRealmStillConfiguredByTheOldAttributesKeepsItsNumberOfTries() {
        Customer customer = customers.create();
        String code;
        try (ResetCodeStep ignored = ResetCodeStep.set(realm, java.util.Collections.singletonMap(
                ResetCodeStep.MAX_ATTEMPTS, null));
             RealmSettings legacy = RealmSettings.set(realm, Map.of(RealmSettings.LEGACY_MAX_ATTEMPTS, "2"))) {
            code = flow.forgotAndReadCode(customer.email());
            flow.reset(customer.email(), java.util.UUID.randomUUID().toString(), NEW_PASSWORD);
            flow.reset(customer.email(), java.util.UUID.randomUUID().toString(), NEW_PASSWORD);

            Api.Response afterTwoWrongCodes = flow.reset(customer.email(), code, NEW_PASSWORD);

            assertThat(afterTwoWrongCodes.status()).isEqualTo(400);
            assertThat(afterTwoWrongCodes.body()).isEqualTo(ResetFlow.INVALID_CODE);
        }
    }

    @Test
    void anExpiredCodeGetsTheSameAnswer() throws InterruptedException {
        Customer customer = customers.create();
        String code;
        try (ResetCodeStep ignored = ResetCodeStep.set(realm, Map.of(ResetCodeStep.CODE_LIFETIME, "2"))) {
            code = flow.forgotAndReadCode(customer.email());
            Thread.sleep(3000);
        }

        Api.Response expired = flow.reset(customer.email(), code, NEW_PASSWORD);

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).isEqualTo(ResetFlow.INVALID_CODE);
    }

    @Test
    void aNewRequestReplacesTheEarlierCode() {
        Customer customer = customers.create();
        String first;
        String second;
        try (ResetCodeStep ignored = ResetCodeStep.set(realm, Map.of(ResetCodeStep.THROTTLE, "0"))) {
            first = flow.forgotAndReadCode(customer.email());
            second = flow.forgotAndReadCode(customer.email());
        }

        assertThat(second).isNotEqualTo(first);
        assertThat(flow.reset(customer.email(), first, NEW_PASSWORD).status()).isEqualTo(400);
        assertThat(flow.reset(customer.email(), second, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aPasswordThePolicyRefusesIsExplainedAndLeavesTheCodeUsable() {
        Customer customer = customers.create();
        String code = flow.forgotAndReadCode(customer.email());

        Api.Response refused = flow.reset(customer.email(), code, "short");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").path("password").get(0).asText())
                .isEqualTo("Invalid password: minimum length 8.");
        assertThat(flow.reset(customer.email(), code, customer.email()).json().path("errors").path("password")
                .get(0).asText()).isEqualTo("Invalid password: must not be equal to the username.");
        assertThat(flow.reset(customer.email(), code, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aCommonPasswordIsRefusedInAnyLetterCaseAndTheCodeStaysUsable() throws Exception {
        Customer customer = customers.create();
        String code = flow.forgotAndReadCode(customer.email());
        List<String> denylist = Files.readAllLines(
                Path.of(System.getProperty("customerauth.pack.dir"),
                        "data/password-blacklists/customer-auth-common-passwords.txt"));

        for (String common : List.of("password123", "PassWord123", denylist.get(denylist.size() - 1))) {
            Api.Response refused = flow.reset(customer.email(), code, common);

            assertThat(refused.status()).as(common).isEqualTo(400);
            assertThat(refused.json().path("errors").path("password").get(0).asText())
                    .isEqualTo("Invalid password: password is not allowed.");
        }
        assertThat(flow.reset(customer.email(), code, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(api.login(customer.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void resetClearsBruteForceLockout() {
        Customer customer = customers.create();
        for (int i = 0; i < 6; i++) {
            api.login(customer.email(), "Wrong-password-" + i);
        }
        assertThat(realm.attackDetection().bruteForceUserStatus(customer.id()).get("disabled")).isEqualTo(true);

        String code = flow.forgotAndReadCode(customer.email());
        assertThat(flow.reset(customer.email(), code, NEW_PASSWORD).status()).isEqualTo(200);

        assertThat(api.login(customer.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void missingFieldsAnswer400WithEachReason() {
        Api.Response response = api.post("/reset_password/", Map.of("email", "someone@example.test"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("password").get(0).asText())
                .isEqualTo("Missing data for required field.");
        assertThat(response.json().path("errors").path("verification_code").get(0).asText())
                .isEqualTo("Missing data for required field.");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
