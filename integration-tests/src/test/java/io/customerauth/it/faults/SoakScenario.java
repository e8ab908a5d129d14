package io.customerauth.it.faults;

import io.customerauth.it.harness.KeycloakCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The mix at about 70% of the measured capacity for a long while: each node's heap after GC, resident memory,
 * threads and file descriptors (with their slopes), every 5xx, and the p99 of each route per 5-minute window.
 */
final class SoakScenario {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private SoakScenario() {
    }

    static FaultReport.Section run(FaultRun run, FaultReport report, Duration length) {
        KeycloakCluster cluster = run.cluster();
        FaultReport.Section section = report.section("Soak: " + length.toMinutes() + " minutes at "
                + Math.round(FaultRun.LOAD_SHARE * 100) + "% of capacity");
        FaultRun.log(section.title());
        long start = System.currentTimeMillis();
        long end = start + length.toMillis();
        while (System.currentTimeMillis() < end) {
            FaultRun.sleep(Duration.ofMillis(Math.min(WINDOW.toMillis(), Math.max(0, end - System.currentTimeMillis()))));
            Samples soFar = run.load().samples().between(start, end);
            FaultRun.log(String.format("soak: %d requests, %d 5xx", soFar.size(), soFar.count(Sample::serverError)));
        }
        Samples all = run.load().samples().between(start, end);

        List<String> headers = new ArrayList<>(List.of("window (min)", "requests", "5xx", "other failures"));
        MixedLoad.ROUTES.forEach(route -> headers.add(route + " p99"));
        List<List<String>> rows = new ArrayList<>();
        Chart p99 = new Chart("p99 per route per 5-minute window (both nodes)", "minutes", "ms");
        List<List<double[]>> p99Series = new ArrayList<>();
        MixedLoad.ROUTES.forEach(route -> p99Series.add(new ArrayList<>()));
        for (long from = start; from < end; from += WINDOW.toMillis()) {
            Samples window = all.between(from, Math.min(end, from + WINDOW.toMillis()));
            List<String> row = new ArrayList<>(List.of((from - start) / 60_000 + "–" + (Math.min(end, from
                    + WINDOW.toMillis()) - start) / 60_000, Integer.toString(window.size()),
                    Long.toString(window.count(Sample::serverError)),
                    Long.toString(window.count(s -> !s.ok() && !s.serverError()))));
            for (int r = 0; r < MixedLoad.ROUTES.size(); r++) {
                Samples route = window.route(MixedLoad.ROUTES.get(r));
                row.add(route.size() == 0 ? "–" : Figures.ms(route.percentile(99)));
                if (route.size() > 0) {
                    p99Series.get(r).add(new double[] {(from - start + WINDOW.toMillis() / 2.0) / 60_000.0,
                            route.percentile(99)});
                }
            }
            rows.add(row);
        }
        for (int r = 0; r < MixedLoad.ROUTES.size(); r++) {
            p99.series(MixedLoad.ROUTES.get(r), p99Series.get(r));
        }
        report.writeChart("soak-p99.svg", p99.svg());

        List<List<String>> gaugeRows = new ArrayList<>();
        Chart memory = new Chart("Keycloak memory during the soak", "minutes", "MiB");
        boolean flat = true;
        StringBuilder flatness = new StringBuilder();
        for (KeycloakCluster.Node node : List.of(cluster.a(), cluster.b())) {
            List<ProcessGauges.Reading> readings = run.readings(node.name(), start, end);
            memory.series(node.name() + " RSS", points(readings, start, ProcessGauges.Reading::rssMiB));
            memory.series(node.name() + " heap after GC", points(readings, start,
                    ProcessGauges.Reading::heapAfterGcMiB));
            double hours = length.toMillis() / 3_600_000.0;
            for (String gauge : List.of("heap after GC MiB", "RSS MiB", "threads", "fds")) {
                ToDoubleFunction<ProcessGauges.Reading> value = switch (gauge) {
                    case "heap after GC MiB" -> ProcessGauges.Reading::heapAfterGcMiB;
                    case "RSS MiB" -> ProcessGauges.Reading::rssMiB;
                    case "threads" -> r -> r.threads() < 0 ? Double.NaN : r.threads();
                    default -> r -> r.fds() < 0 ? Double.NaN : r.fds();
                };
                double first = readings.stream().mapToDouble(value).filter(Double::isFinite).findFirst()
                        .orElse(Double.NaN);
                double last = readings.stream().mapToDouble(value).filter(Double::isFinite)
                        .reduce((a, b) -> b).orElse(Double.NaN);
                double slope = Figures.slopePerHour(readings, ProcessGauges.Reading::epochMillis, value);
                double mean = readings.stream().mapToDouble(value).filter(Double::isFinite).average()
                        .orElse(Double.NaN);
                gaugeRows.add(List.of(node.name(), gauge, Figures.f1(first), Figures.f1(last),
                        Figures.f1(slope) + " /h", Figures.f1(slope * hours)));
                // flat: the fitted growth over the soak is under 10% of the gauge's mean
                if (!(Double.isFinite(slope) && slope * hours < 0.1 * mean)) {
                    flat = false;
                    flatness.append(node.name()).append(' ').append(gauge).append(" grew ")
                            .append(Figures.f1(slope * hours)).append("; ");
                }
            }
        }
        report.writeChart("soak-memory.svg", memory.svg());
        long serverErrors = all.count(Sample::serverError);
        section.text(String.format("Capacity measured at the start of the run (the mix as fast as %s virtual users "
                + "go, 60 s): %.1f requests/s. Soak rate: %.1f requests/s on both nodes, %d requests in %d min: %s.",
                "12", run.capacity(), run.rate(), all.size(), length.toMinutes(), Figures.statuses(all)));
        section.table(headers, rows);
        section.chart("soak-p99.svg", "p99 per route per 5-minute window");
        section.text("Keycloak's JVMs, read every 10 s (`/proc`; heap after GC is Micrometer's "
                + "`jvm_gc_live_data_size_bytes`, the old generation after the last collection). Slope: least "
                + "squares over the soak; growth: the slope times the soak's length.");
        section.table(List.of("node", "gauge", "first", "last", "slope", "fitted growth over the soak"), gaugeRows);
        section.chart("soak-memory.svg", "Keycloak RSS and heap after GC during the soak");
        section.text("Machine: " + run.machine().describe(start, end) + ".");
        section.check("zero 5xx during the soak", serverErrors == 0, serverErrors + " 5xx of " + all.size());
        section.check("heap after GC, RSS, threads and fds flat (fitted growth under 10% of the mean)", flat,
                flatness.isEmpty() ? "all flat" : flatness.toString());
        return section;
    }

    private static List<double[]> points(List<ProcessGauges.Reading> readings, long start,
                                         ToDoubleFunction<ProcessGauges.Reading> value) {
        return readings.stream().map(r -> new double[] {(r.epochMillis() - start) / 60_000.0,
                value.applyAsDouble(r)}).toList();
    }
}
