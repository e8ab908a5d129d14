package io.customerauth.it.faults;

import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.KeycloakCluster;
import io.customerauth.it.harness.ServerMetrics;
import org.keycloak.representations.idm.EventRepresentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail server slow (every message takes {@link FaultRun#SLOW_MAIL}) or down (connection refused) for minutes
 * under the load: the API's answers and times, the mail queue's drops in metrics and events, each node's memory,
 * and how soon mail flows again afterwards.
 */
final class MailFaultScenario {

    private static final List<String> OUTCOMES = List.of("mailed", "mail_failed", "no_account", "throttled",
            "dropped_queue_full", "dropped_limit");
    private static final Duration BASELINE = Duration.ofSeconds(60);
    private static final Duration MAIL_BACK_WITHIN = Duration.ofMinutes(3);

    private MailFaultScenario() {
    }

    static FaultReport.Section run(FaultRun run, FaultReport report, SmtpFront.Mode fault, Duration length) {
        KeycloakCluster cluster = run.cluster();
        String name = fault == SmtpFront.Mode.SLOW
                ? "Mail slow: " + FaultRun.SLOW_MAIL.toSeconds() + " s per message for " + length.toMinutes() + " min"
                : "Mail down: connection refused for " + length.toMinutes() + " min";
        FaultReport.Section section = report.section(name);
        FaultRun.log(name);
        Map<String, ServerMetrics.Snapshot> metricsBefore = scrape(cluster);
        Map<String, ProcessGauges.Reading> memoryBefore = memory(run, cluster);
        long start = System.currentTimeMillis();
        setMode(run, fault);
        FaultRun.sleep(length);
        long faultEnd = System.currentTimeMillis();
        Map<String, ServerMetrics.Snapshot> metricsDuring = scrape(cluster);
        Map<String, ProcessGauges.Reading> memoryDuring = memory(run, cluster);
        setMode(run, SmtpFront.Mode.PASS);

        Customers.Customer probe = cluster.a().customers().create();
        long asked = System.currentTimeMillis();
        double mailBackSeconds;
        try {
            Steps.askCode(cluster.b().api(), cluster.mailbox(), probe.email(), MAIL_BACK_WITHIN);
            mailBackSeconds = (System.currentTimeMillis() - asked) / 1e3;
        } catch (AssertionError notInTime) {
            mailBackSeconds = Double.POSITIVE_INFINITY;
        }
        long end = System.currentTimeMillis();

        Samples all = run.load().samples();
        Samples before = all.between(start - BASELINE.toMillis(), start);
        Samples during = all.between(start, faultEnd);
        List<List<String>> rows = new ArrayList<>();
        for (String route : MixedLoad.ROUTES) {
            Samples b = before.route(route);
            Samples d = during.route(route);
            rows.add(List.of(route, Integer.toString(b.size()), Figures.ms(b.percentile(50)),
                    Figures.ms(b.percentile(99)), Integer.toString(d.size()), Figures.ms(d.percentile(50)),
                    Figures.ms(d.percentile(99)), Figures.statuses(d)));
        }
        section.text(String.format("Load: %.1f requests/s of the mix on both nodes; each node sends mail from one"
                + " thread with a queue of %s jobs (the harness's settings: `--spi-customer-auth-mail-queue--default"
                + "--threads=1`). The SMTP relay in front of the mail server was %s from %s to %s.", run.rate(),
                "the realm's `maxQueuedJobs`", fault == SmtpFront.Mode.SLOW ? "slow" : "down",
                Instant.ofEpochMilli(start), Instant.ofEpochMilli(faultEnd)));
        section.table(List.of("route", "before: requests", "p50", "p99", "during: requests", "p50", "p99",
                "answers during"), rows);

        List<List<String>> outcomeRows = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            List<String> row = new ArrayList<>(List.of(outcome));
            for (KeycloakCluster.Node node : List.of(cluster.a(), cluster.b())) {
                row.add(Figures.f1(metricsDuring.get(node.name()).value("customer_auth_reset_codes_total", "outcome",
                        outcome) - metricsBefore.get(node.name()).value("customer_auth_reset_codes_total", "outcome",
                        outcome)));
            }
            outcomeRows.add(row);
        }
        section.text("Forgot-password jobs finished during the fault, per outcome "
                + "(`customer_auth_reset_codes_total`):");
        section.table(List.of("outcome", cluster.a().name(), cluster.b().name()), outcomeRows);

        Map<String, Long> dropEvents = dropEvents(cluster, start, end);
        section.text("`SEND_RESET_PASSWORD_ERROR` events stored during the fault, by error: "
                + Figures.map(dropEvents) + ".");
        List<List<String>> memoryRows = new ArrayList<>();
        for (KeycloakCluster.Node node : List.of(cluster.a(), cluster.b())) {
            ProcessGauges.Reading b = memoryBefore.get(node.name());
            ProcessGauges.Reading d = memoryDuring.get(node.name());
            memoryRows.add(List.of(node.name(), Figures.f1(b.rssMiB()) + " → " + Figures.f1(d.rssMiB()),
                    Figures.f1(b.heapAfterGcMiB()) + " → " + Figures.f1(d.heapAfterGcMiB()),
                    b.threads() + " → " + d.threads()));
        }
        section.table(List.of("node", "RSS MiB", "heap after GC MiB", "threads"), memoryRows);
        section.text("Mail flowing again: a code asked for right after the relay came back arrived in "
                + (Double.isInfinite(mailBackSeconds) ? "more than " + MAIL_BACK_WITHIN.toSeconds()
                : Figures.f1(mailBackSeconds)) + " s. Machine: " + run.machine().describe(start, end) + ".");

        double forgotBefore99 = before.route("forgot").percentile(99);
        double forgotDuring99 = during.route("forgot").percentile(99);
        long failedForgot = during.route("forgot").count(s -> !s.ok());
        section.check("forgot-password answers unchanged (all 200)", failedForgot == 0,
                failedForgot + " of " + during.route("forgot").size() + " not 200");
        section.check("forgot-password times unchanged (p99 within 1.5× of before, or 50 ms)",
                forgotDuring99 <= Math.max(1.5 * forgotBefore99, forgotBefore99 + 50),
                "p99 " + Figures.ms(forgotBefore99) + " → " + Figures.ms(forgotDuring99));
        double dropped = outcomeRows.stream().filter(r -> r.get(0).startsWith("dropped") || r.get(0).equals(
                "mail_failed")).mapToDouble(r -> Double.parseDouble(r.get(1)) + Double.parseDouble(r.get(2))).sum();
        section.check("what was not mailed is counted in metrics", dropped > 0 || fault == SmtpFront.Mode.SLOW,
                Figures.f1(dropped) + " jobs dropped or failed");
        section.check("memory flat (heap after GC within +64 MiB)", memoryRows.size() == 2
                && memoryDuring.entrySet().stream().allMatch(e -> !(e.getValue().heapAfterGcMiB()
                > memoryBefore.get(e.getKey()).heapAfterGcMiB() + 64)), "see the table");
        section.check("mail flows again within " + MAIL_BACK_WITHIN.toMinutes() + " min",
                !Double.isInfinite(mailBackSeconds), Figures.f1(mailBackSeconds) + " s");
        return section;
    }

    private static void setMode(FaultRun run, SmtpFront.Mode mode) {
        try {
            run.smtp().mode(mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, ServerMetrics.Snapshot> scrape(KeycloakCluster cluster) {
        Map<String, ServerMetrics.Snapshot> snapshots = new LinkedHashMap<>();
        for (KeycloakCluster.Node node : List.of(cluster.a(), cluster.b())) {
            snapshots.put(node.name(), node.metrics().scrape());
        }
        return snapshots;
    }

    private static Map<String, ProcessGauges.Reading> memory(FaultRun run, KeycloakCluster cluster) {
        Map<String, ProcessGauges.Reading> readings = new LinkedHashMap<>();
        for (KeycloakCluster.Node node : List.of(cluster.a(), cluster.b())) {
            readings.put(node.name(), run.readNow(node.name()));
        }
        return readings;
    }

    /** The realm's stored reset-mail error events in the window, counted by error (and dropped-jobs detail). */
    private static Map<String, Long> dropEvents(KeycloakCluster cluster, long fromMillis, long toMillis) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<EventRepresentation> events = cluster.a().realm().getEvents(List.of("SEND_RESET_PASSWORD_ERROR"), null,
                null, fromMillis, toMillis, null, 0, 10_000, "desc");
        for (EventRepresentation event : events) {
            counts.merge(String.valueOf(event.getError()), 1L, Long::sum);
        }
        return counts;
    }

    static Duration baseline() {
        return BASELINE;
    }
}
