package io.customerauth.it.faults;

import io.customerauth.it.harness.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fault suite: every scenario under the steady mixed load on two production-mode nodes and PostgreSQL, in one
 * run, and the report. Not part of {@code mvn verify} (its name is no IT's): {@code bench/faults} runs it, all
 * scenarios or those named with {@code --only} ({@code -Dfaults.only=pg-fast,split,...}). The scenarios that kill
 * a node run last: what comes after them runs on the surviving node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuite {

    static final List<String> SCENARIOS = List.of("pg-fast", "pg-immediate", "mail-slow", "mail-down", "split",
            "soak", "node-kill", "import");

    private static FaultRun run;
    private static final FaultReport REPORT = new FaultReport();

    @BeforeAll
    static void startStack() {
        run = FaultRun.start();
        REPORT.setup(String.format("""
                ## Setup

                - Keycloak %s with the pack, two nodes in production mode (`kc.sh build`, `start --optimized`, \
                Keycloak's default `jdbc-ping` cluster) on loopback, one PostgreSQL (embedded, zonky), GreenMail behind \
                an SMTP relay the suite can slow down or shut (`SmtpFront`), all started by the integration-test harness.
                - The load (`MixedLoad`): %d virtual users, both nodes in turn, each with a customer of its own: log in \
                (argon2), read the current user with the token, ask for a code (at most once a minute per customer, \
                the realm's throttle), reset the password with the code from the mail. Capacity of that mix, measured \
                for 60 s at the start as fast as the users go: **%.1f requests/s**; every scenario runs under \
                **%.1f requests/s** (%d%%), paced evenly.
                - Scenarios in this run: %s.
                """, System.getProperty("customerauth.keycloak.version", "26.7.3"), 12, run.capacity(), run.rate(),
                Math.round(FaultRun.LOAD_SHARE * 100), String.join(", ", selected())));
    }

    @AfterAll
    static void writeReport() {
        try {
            Path report = REPORT.write();
            FaultRun.log("report: " + report.toAbsolutePath());
        } finally {
            if (run != null) {
                run.close();
            }
        }
    }

    @Test
    @Order(1)
    void postgresFastShutdown() throws Exception {
        assumeTrue(selected().contains("pg-fast"));
        held("pg-fast", () -> DatabaseRestartScenario.run(run, REPORT, PostgresServer.Shutdown.FAST,
                seconds("pgDownSeconds", 20)));
    }

    @Test
    @Order(2)
    void postgresImmediateShutdown() throws Exception {
        assumeTrue(selected().contains("pg-immediate"));
        held("pg-immediate", () -> DatabaseRestartScenario.run(run, REPORT, PostgresServer.Shutdown.IMMEDIATE,
                seconds("pgDownSeconds", 20)));
    }

    @Test
    @Order(3)
    void mailSlow() throws Exception {
        assumeTrue(selected().contains("mail-slow"));
        held("mail-slow", () -> MailFaultScenario.run(run, REPORT, SmtpFront.Mode.SLOW,
                minutes("mailMinutes", 2)));
    }

    @Test
    @Order(4)
    void mailDown() throws Exception {
        assumeTrue(selected().contains("mail-down"));
        held("mail-down", () -> MailFaultScenario.run(run, REPORT, SmtpFront.Mode.DOWN,
                minutes("mailMinutes", 2)));
    }

    @Test
    @Order(5)
    void clusterSplit() throws Exception {
        assumeTrue(selected().contains("split"));
        held("split", () -> SplitScenario.run(run, REPORT, seconds("splitSeconds", 60)));
    }

    @Test
    @Order(6)
    void soak() throws Exception {
        assumeTrue(selected().contains("soak"));
        held("soak", () -> SoakScenario.run(run, REPORT, minutes("soakMinutes", 30)));
    }

    @Test
    @Order(7)
    void nodeKilledDuringImport() throws Exception {
        assumeTrue(selected().contains("node-kill"));
        held("node-kill", () -> NodeKillImportScenario.run(run, REPORT,
                Integer.getInteger("faults.nodeKillRecords", 50_000)));
    }

    @Test
    @Order(8)
    void importSoak() throws Exception {
        assumeTrue(selected().contains("import"));
        held("import", () -> ImportSoakScenario.run(run, REPORT,
                Integer.getInteger("faults.importRecords", 1_000_000)));
    }

    /** Runs a scenario; one that breaks off says so in the report, with what broke it. */
    private static void held(String title, Scenario scenario) throws Exception {
        FaultReport.Section section;
        try {
            section = scenario.run();
        } catch (Exception | AssertionError e) {
            REPORT.section(title).check("the scenario runs to its end", false, e.toString().replace('\n', ' '));
            REPORT.write();
            throw e;
        }
        REPORT.write();
        assertThat(section.failed()).as(section.title()).isEmpty();
    }

    @FunctionalInterface
    private interface Scenario {
        FaultReport.Section run() throws Exception;
    }

    static Set<String> selected() {
        String only = System.getProperty("faults.only", "");
        if (only.isBlank()) {
            return Set.copyOf(SCENARIOS);
        }
        Set<String> chosen = Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        chosen.stream().filter(name -> !SCENARIOS.contains(name)).findAny().ifPresent(unknown -> {
            throw new IllegalArgumentException("unknown scenario " + unknown + "; known: " + SCENARIOS);
        });
        return chosen;
    }

    private static Duration seconds(String property, int fallback) {
        return Duration.ofSeconds(Integer.getInteger("faults." + property, fallback));
    }

    private static Duration minutes(String property, int fallback) {
        return Duration.ofMinutes(Integer.getInteger("faults." + property, fallback));
    }
}
