package io.customerauth.it.faults;

import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.KeycloakCluster;
import io.customerauth.it.harness.PostgresServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL stopped under the load (fast or immediate shutdown) and started again after a while: what the API
 * answers while it is down, how soon each node serves again, and whether what was stored before still holds.
 */
final class DatabaseRestartScenario {

    private static final Duration BASELINE = Duration.ofSeconds(15);
    private static final Duration OBSERVE_AFTER = Duration.ofSeconds(40);
    private static final double GOOD_AGAIN_WITHIN_SECONDS = 30;

    private DatabaseRestartScenario() {
    }

    static FaultReport.Section run(FaultRun run, FaultReport report, PostgresServer.Shutdown mode, Duration down) {
        KeycloakCluster cluster = run.cluster();
        FaultReport.Section section = report.section("PostgreSQL restarted: " + mode.name().toLowerCase()
                + " shutdown, " + down.toSeconds() + " s down");
        FaultRun.log(section.title());

        Customers.Customer passwordSet = cluster.a().customers().create();
        String code = Steps.askCode(cluster.a().api(), cluster.mailbox(), passwordSet.email(), Duration.ofSeconds(60));
        String setBefore = Steps.newPassword("Before-Outage");
        int resetBefore = Steps.reset(cluster.a().api(), passwordSet.email(), code, setBefore);
        Customers.Customer codeHolder = cluster.b().customers().create();
        String heldCode = Steps.askCode(cluster.b().api(), cluster.mailbox(), codeHolder.email(),
                Duration.ofSeconds(60));
        long pidA = cluster.a().pid();
        long pidB = cluster.b().pid();
        FaultRun.sleep(BASELINE);

        long stop = System.currentTimeMillis();
        long restart;
        try {
            cluster.postgres().stop(mode);
            long stopped = System.currentTimeMillis();
            FaultRun.sleep(down.minusMillis(stopped - stop));
        } finally {
            restart = System.currentTimeMillis();
            cluster.postgres().start();
        }
        long up = System.currentTimeMillis();
        FaultRun.log(String.format("PostgreSQL down %.1f s, accepting again %.1f s after its start", (up - stop) / 1e3,
                (up - restart) / 1e3));
        FaultRun.sleep(OBSERVE_AFTER);
        long end = System.currentTimeMillis();

        int loginWithSetPassword = Steps.login(cluster.b().api(), passwordSet.email(), setBefore);
        String setAfter = Steps.newPassword("After-Outage");
        int resetWithHeldCode = Steps.reset(cluster.a().api(), codeHolder.email(), heldCode, setAfter);
        int loginAfterReset = Steps.login(cluster.b().api(), codeHolder.email(), setAfter);

        Samples all = run.load().samples();
        Samples before = all.between(stop - BASELINE.toMillis(), stop);
        Samples during = all.between(stop, up);
        Samples recovery = all.between(up, end);
        Samples failedAnswers = all.between(stop, end).where(s -> s.answered() && !s.ok());
        long notJson = failedAnswers.count(s -> !s.json());
        long withoutHeader = failedAnswers.count(s -> !s.requestId());
        long serverErrorsWithoutId = all.between(stop, end).count(s -> s.serverError() && !s.bodyRequestId());
        long timedOut = all.between(stop, end).count(s -> "HttpTimeoutException".equals(s.failure()));
        double longest = all.between(stop, end).maxMillis();

        List<List<String>> rows = new ArrayList<>();
        rows.add(window("before (" + BASELINE.toSeconds() + " s)", before));
        rows.add(window("PostgreSQL down (" + Figures.f1((up - stop) / 1e3) + " s)", during));
        rows.add(window("after its return (" + OBSERVE_AFTER.toSeconds() + " s)", recovery));
        section.text(String.format("Load: %.1f requests/s of the mix on both nodes. PostgreSQL's postmaster got the "
                + "%s shutdown signal, was started again on the same data directory and port %.1f s later and "
                + "accepted connections %.1f s after that start.", run.rate(), mode.name().toLowerCase(),
                (restart - stop) / 1e3, (up - restart) / 1e3));
        section.table(List.of("window", "requests", "answers", "p50", "p99", "longest"), rows);
        List<List<String>> recoveryRows = new ArrayList<>();
        double worst = 0;
        for (KeycloakCluster.Node node : List.of(cluster.a(), cluster.b())) {
            Samples ofNode = recovery.node(node.name());
            double seconds = Figures.secondsUntilGood(ofNode, up);
            worst = Double.isNaN(seconds) ? Double.POSITIVE_INFINITY : Math.max(worst, seconds);
            recoveryRows.add(List.of(node.name(), Double.isNaN(seconds) ? "never" : Figures.f1(seconds) + " s",
                    Figures.statuses(during.node(node.name()))));
        }
        section.table(List.of("node", "answers good again after PostgreSQL's return", "answers while it was down"),
                recoveryRows);
        section.text("Failed answers while down or recovering: " + failedAnswers.size() + "; not JSON: " + notJson
                + "; without `X-Request-ID`: " + withoutHeader + "; 5xx without `request_id` in the body: "
                + serverErrorsWithoutId + "; requests without an answer: " + Figures.map(all.between(stop, end)
                .failures()) + "; longest request " + Figures.ms(longest) + ".");
        section.text("Machine: " + run.machine().describe(stop - BASELINE.toMillis(), end) + ".");

        section.check("every failed answer is JSON with X-Request-ID", notJson == 0 && withoutHeader == 0,
                failedAnswers.size() + " failed answers, " + notJson + " not JSON, " + withoutHeader
                        + " without the header");
        section.check("no 5xx without request_id", serverErrorsWithoutId == 0, serverErrorsWithoutId + " such");
        section.check("nothing hangs (every request answered or refused within 30 s)", timedOut == 0,
                "longest " + Figures.ms(longest) + ", " + timedOut + " timed out");
        section.check("both nodes serve again within " + (int) GOOD_AGAIN_WITHIN_SECONDS + " s, no restart",
                worst <= GOOD_AGAIN_WITHIN_SECONDS && cluster.a().pid() == pidA && cluster.b().pid() == pidB,
                "slowest node good after " + Figures.f1(worst) + " s; same JVMs: "
                        + (cluster.a().pid() == pidA && cluster.b().pid() == pidB));
        section.check("a password set before the outage still holds", resetBefore == 200
                && loginWithSetPassword == 200, "reset before " + resetBefore + ", login after "
                + loginWithSetPassword);
        section.check("a code issued before the outage still works", resetWithHeldCode == 200
                && loginAfterReset == 200, "reset after " + resetWithHeldCode + ", login with it "
                + loginAfterReset);
        return section;
    }

    private static List<String> window(String name, Samples samples) {
        return List.of(name, Integer.toString(samples.size()), Figures.statuses(samples),
                Figures.ms(samples.percentile(50)), Figures.ms(samples.percentile(99)),
                Figures.ms(samples.maxMillis()));
    }
}
