package io.customerauth.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.StrictJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml on a real Docker engine, as a user runs it: both images built from this source tree by
 * {@code docker compose build}, PostgreSQL, Mailpit, two Keycloak nodes of the pack's optimized image clustered over the
 * database, nginx in front. Base images come from a registry, or here from the local stand-ins
 * ({@code containers/stand-ins/build}, run by {@code .ci/run}). One stack serves the whole class, in order: its first
 * start (through the import profile), the seed's requests, the two nodes as one, a node dying, {@code down} and
 * {@code up}. Takes several minutes: every Keycloak start is a real one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {

    private static final String[] NODES = {"keycloak-1", "keycloak-2"};
    private static final String ANA = "ana@example.com";
    private static final String ANA_USER = "{\"country\":\"FR\",\"customer_id\":\"8b4a1343-292d-45ed-ba5f-846fa9167ede\","
            + "\"email\":\"ana@example.com\",\"language\":\"fr\"}";

    private static ComposeStack stack;
    private static String anaPassword = "Correct-Horse-1";

    @BeforeAll
    static void buildTheImages() {
        Docker.requireEngine();
        ComposeStack.buildImages();
        stack = ComposeStack.create();
    }

    @AfterAll
    static void removeTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theImportProfileWaitsForHealthyNodesAndDockerCallsANodeHealthyOnlyOnceItServesTheRealm() {
        ReadinessWatch watch = ReadinessWatch.start(stack, NODES);
        Docker.Result importRun;
        try (watch) {
            importRun = stack.compose(ComposeStack.UP_TIMEOUT, "--profile", "import", "run", "--rm", "import");
        }

        assertThat(importRun.exitCode()).as("the sample's 10 bad records make exit code 3:\n%s",
                Docker.tail(importRun.output(), 40)).isEqualTo(3);
        try (Keycloak admin = stack.admin("keycloak-2")) {
            assertThat(admin.realm("customers").users().count()).as("every customer the import created").isEqualTo(30);
        }
        for (String node : NODES) {
            watch.assertHonest(node);
        }

        stack.upAndWait();
    }

    @Test
    @Order(2)
    void theSeedsFourRequestsAnswerThroughTheProxyAsTheSeedSays() {
        try (Keycloak admin = stack.admin("keycloak-1")) {
            new Customers(admin.realm("customers")).create(Customers.spec().email(ANA).password(anaPassword)
                    .customerId("8b4a1343-292d-45ed-ba5f-846fa9167ede").country("FR").language("fr"));
        }
        int port = stack.proxyPort();

        Wire.Answer login = Wire.send("127.0.0.1", port, Wire.curlRequest("POST", "/auth/login/", port,
                "{\"email\":\"ana@example.com\",\"password\":\"" + anaPassword + "\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json"));
        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        assertThat(login.json().path("data").path("user")).isEqualTo(json(ANA_USER));
        String jwt = login.json().path("data").path("jwt").asText();
        assertThat(Oidc.claims(jwt).path("iss").asText()).isEqualTo(stack.publicUrl() + "/realms/customers");

        Wire.Answer currentUser = Wire.send("127.0.0.1", port, Wire.curlRequest("GET", "/auth/", port, null,
                "X-Client-Version: 2.1.0", "Authorization: Bearer " + jwt));
        assertThat(currentUser.status()).as("current user: %s", currentUser).isEqualTo(200);
        assertThat(currentUser.json()).isEqualTo(json("{\"data\":{\"user\":" + ANA_USER + "}}"));

        MailpitInbox mail = stack.mail();
        Set<String> before = mail.ids();
        Wire.Answer forgot = Wire.send("127.0.0.1", port, Wire.curlRequest("POST", "/auth/forgot_password/", port,
                "{\"email\":\"ana@example.com\"}", "X-Client-Version: 2.1.0", "Content-Type: application/json"));
        assertThat(forgot.status()).isEqualTo(200);
        assertThat(forgot.body()).isEqualTo("{\"message\":\"If you have an account, you will receive an email with"
                + " instructions to reset your password.\"}");

        String code = mail.awaitCode(ANA, before);
        Wire.Answer reset = Wire.send("127.0.0.1", port, Wire.curlRequest("POST", "/auth/reset_password/", port,
                "{\"email\":\"ana@example.com\",\"verification_code\":\"" + code + "\",\"password\":\"New-Secret-42\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json"));
        assertThat(reset.status()).as("reset: %s", reset).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"message\":\"Password reset.\"}");
        anaPassword = "New-Secret-42";
        assertThat(Wire.send("127.0.0.1", port, Wire.curlRequest("POST", "/auth/login/", port,
                "{\"email\":\"ana@example.com\",\"password\":\"" + anaPassword + "\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json")).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theTwoNodesAreOneClusterAndATokenOfOneServesOnTheOther() {
        assertThat(stack.logs("keycloak-2")).as("Infinispan's cluster view of two nodes, found over the database")
                .containsPattern("ISPN000094: Received new cluster view .*\\(2\\)");
        Api first = stack.api("keycloak-1");
        Api second = stack.api("keycloak-2");

        String token = first.accessToken(ANA, anaPassword);
        Api.Response onTheOther = second.currentUser(token);

        assertThat(onTheOther.status()).as("GET /auth/ on keycloak-2 with keycloak-1's token: %s", onTheOther)
                .isEqualTo(200);
        assertThat(onTheOther.json().path("data").path("user")).isEqualTo(json(ANA_USER));
    }

    @Test
    @Order(4)
    void aCodeMailedByOneNodeResetsThePasswordOnTheOther() {
        Api first = stack.api("keycloak-1");
        Api second = stack.api("keycloak-2");
        MailpitInbox mail = stack.mail();
        Set<String> before = mail.ids();

        assertThat(second.post("/forgot_password/", Map.of("email", ANA)).status()).isEqualTo(200);
        String code = mail.awaitCode(ANA, before);
        Api.Response reset = first.post("/reset_password/",
                Map.of("email", ANA, "verification_code", code, "password", "Other-Secret-43"));

        assertThat(reset.status()).as("reset on keycloak-1 with keycloak-2's code: %s", reset).isEqualTo(200);
        anaPassword = "Other-Secret-43";
        assertThat(second.login(ANA, anaPassword).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aNodeThatDiesLeavesTheOtherServingThroughTheProxyAndDockerRestartsIt() throws Exception {
        String token = stack.api("keycloak-2").accessToken(ANA, anaPassword);
        int restartsBefore = Integer.parseInt(stack.inspect("keycloak-1", "{{.RestartCount}}"));
        ReadinessWatch watch;

        // The JVM killed as the kernel's OOM killer or a crash would: kc.sh, the container's first process, exits.
        Docker.Result kill = stack.exec("keycloak-1", "for p in /proc/[0-9]*; do grep -qs QuarkusEntryPoint $p/cmdline"
                + " && kill -9 ${p#/proc/}; done; true");
        assertThat(kill.exitCode()).as("kill: %s", kill.output()).isIn(0, 137);
        watch = ReadinessWatch.start(stack, "keycloak-1");
        try (watch) {
            awaitNotServing("keycloak-1");
            for (int request = 0; request < 10; request++) {
                Wire.Answer answer = Wire.send("127.0.0.1", stack.proxyPort(), Wire.curlRequest("GET", "/auth/",
                        stack.proxyPort(), null, "X-Client-Version: 2.1.0", "Authorization: Bearer " + token));
                assertThat(answer.status()).as("GET /auth/ #%d through the proxy with keycloak-1 down: %s",
                        request, answer).isEqualTo(200);
            }
            Wire.Answer login = Wire.send("127.0.0.1", stack.proxyPort(), Wire.curlRequest("POST", "/auth/login/",
                    stack.proxyPort(), "{\"email\":\"ana@example.com\",\"password\":\"" + anaPassword + "\"}",
                    "X-Client-Version: 2.1.0", "Content-Type: application/json"));
            assertThat(login.status()).as("login through the proxy with keycloak-1 down: %s", login).isEqualTo(200);
            awaitHealthy("keycloak-1");
        }

        assertThat(Integer.parseInt(stack.inspect("keycloak-1", "{{.RestartCount}}")))
                .as("Docker restarted the node (restart: unless-stopped)").isGreaterThan(restartsBefore);
        watch.assertHonest("keycloak-1");
        assertThat(stack.api("keycloak-1").currentUser(token).status()).isEqualTo(200);
        Docker.Result logs = stack.exec("keycloak-1", "ls /opt/keycloak/data/log; grep -c ' started in ' "
                + "/opt/keycloak/data/log/prod.log");
        assertThat(logs.output().strip().split("\\s+")).as("one prod.log across the restart, both starts in it: %s",
                logs.output()).containsExactly("prod.log", "2");
    }

    @Test
    @Order(6)
    void downAndUpAgainKeepsEveryCustomer() {
        int customers;
        try (Keycloak admin = stack.admin("keycloak-1")) {
            customers = admin.realm("customers").users().count();
        }
        assertThat(customers).as("the import's 30 and Ana").isEqualTo(31);

        stack.compose(Duration.ofMinutes(5), "down", "--timeout", "30").orFail("docker compose down");
        stack.upAndWait();

        try (Keycloak admin = stack.admin("keycloak-2")) {
            assertThat(admin.realm("customers").users().count()).isEqualTo(customers);
        }
        int port = stack.proxyPort();
        assertThat(Wire.send("127.0.0.1", port, Wire.curlRequest("POST", "/auth/login/", port,
                "{\"email\":\"ana@example.com\",\"password\":\"" + anaPassword + "\"}",
                "X-Client-Version: 2.1.0", "Content-Type: application/json")).status())
                .as("Ana's password, reset before down, still holds").isEqualTo(200);
    }

    private static void awaitNotServing(String service) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (!stack.inspect(service, "{{.State.Status}}").equals("running") || stack.realmStatus(service) != 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + " still serves 30 s after its JVM was killed");
    }

    private static void awaitHealthy(String service) throws InterruptedException {
        long deadline = System.nanoTime() + ComposeStack.UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (stack.health(service).equals("healthy")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(service + " not healthy again within " + ComposeStack.UP_TIMEOUT);
    }

    private static JsonNode json(String text) {
        try {
            return StrictJson.parse(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
