package io.customerauth.it.monitoring;

import io.customerauth.it.stack.RepoFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The alert rules as Prometheus reads them: {@code promtool check rules} accepts the file, and
 * {@code promtool test rules} runs every alert on synthetic series (customer-auth-alerts.test.yml), once where it must
 * fire and once where it must stay quiet. promtool is Debian's {@code prometheus} package; without it the class is
 * skipped with a message, except under CI ({@code CI=true}), where it fails (.ci/run installs it).
 */
class AlertRulesTest {

    private static final Path PROMTOOL = Path.of(System.getProperty("customerauth.promtool", "/usr/bin/promtool"));

    @BeforeAll
    static void needsPromtool() {
        if (!Files.isExecutable(PROMTOOL)) {
            String message = "promtool is not installed at " + PROMTOOL + " (apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ": under CI (CI=true) that is a failure; .ci/run installs it");
            }
            Assumptions.abort(message + ": skipped (under CI=true this fails instead)");
        }
    }

    @Test
    void prometheusAcceptsTheRules() throws Exception {
        String output = promtool("check", "rules", RepoFiles.resolve(MonitoringFiles.ALERT_RULES).toString());

        assertThat(output).contains("SUCCESS: " + MonitoringFiles.alerts().size() + " rules found");
    }

    @Test
    void everyAlertFiresWhereItMustAndStaysQuietElsewhere() throws Exception {
        String output = promtool("test", "rules", RepoFiles.resolve(MonitoringFiles.ALERT_RULES_TEST).toString());

        assertThat(output).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedAndAsksForWhatTheBriefNames() throws IOException {
        String tests = Files.readString(RepoFiles.resolve(MonitoringFiles.ALERT_RULES_TEST));
        List<String> names = MonitoringFiles.alerts().stream().map(rule -> rule.path("alert").asText()).toList();

        assertThat(names).containsExactlyInAnyOrder("CustomerAuthServerErrors", "CustomerAuthSlowAnswers",
                "CustomerAuthMailJobsDropped", "CustomerAuthResetCodesDropped", "CustomerAuthOldClientsRefused");
        assertThat(names).allSatisfy(name -> assertThat(tests).contains("alertname: " + name + "\n"));
        assertThat(MonitoringFiles.alerts()).allSatisfy(rule -> {
            assertThat(rule.path("labels").path("severity").asText()).isIn("page", "warning");
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
        });
    }

    /** Runs promtool in the rules' folder and returns what it printed; a non-zero exit fails with its output. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(RepoFiles.resolve(MonitoringFiles.ALERT_RULES).getParent().toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + " said:\n" + output).isZero();
        return output;
    }
}
