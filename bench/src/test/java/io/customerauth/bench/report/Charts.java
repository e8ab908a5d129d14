package io.customerauth.bench.report;

import io.customerauth.bench.imports.ImportBench;
import io.customerauth.bench.load.Pairs;
import io.customerauth.bench.measure.SideStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's three charts, from the run's figures. */
final class Charts {

    private static final Map<String, String> TITLES = Map.of(Pairs.LOGIN, "login", Pairs.ME, "current user",
            Pairs.FORGOT, "forgot password", Pairs.FORGOT_ONE_CLIENT, "forgot password, 1 client", Pairs.RESET,
            "reset password");
    private static final List<String> SERIES = List.of("A: the pack's API", "B: Keycloak's own");

    private Charts() {
    }

    static String throughput(Map<String, SideStats> stats) {
        List<Svg.Panel> panels = new ArrayList<>();
        for (String pair : Pairs.ALL) {
            SideStats a = stats.get(pair + "A");
            SideStats b = stats.get(pair + "B");
            List<String> groups = new ArrayList<>(List.of("all rounds"));
            int rounds = Math.min(a.roundThroughputs().length, b.roundThroughputs().length);
            double[][] values = new double[rounds + 1][];
            values[0] = new double[] {a.throughput(), b.throughput()};
            for (int r = 0; r < rounds; r++) {
                groups.add("round " + (r + 1));
                values[r + 1] = new double[] {a.roundThroughputs()[r], b.roundThroughputs()[r]};
            }
            panels.add(new Svg.Panel(TITLES.get(pair), groups, values));
        }
        return Svg.bars("Throughput, A vs B (requests/s, same concurrency, same run)", "requests/s", SERIES, panels);
    }

    static String latency(Map<String, SideStats> stats) {
        List<Svg.Panel> panels = new ArrayList<>();
        for (String pair : Pairs.ALL) {
            SideStats a = stats.get(pair + "A");
            SideStats b = stats.get(pair + "B");
            panels.add(new Svg.Panel(TITLES.get(pair), List.of("p50", "p95", "p99"), new double[][] {
                {a.p50(), b.p50()}, {a.p95(), b.p95()}, {a.p99(), b.p99()}}));
        }
        return Svg.bars("Latency percentiles per endpoint (ms)", "ms", SERIES, panels);
    }

    static String imports(ImportBench.Result imports) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ImportBench.PathRate row : imports.comparison()) {
            if (!row.path().startsWith("bulk")) {
                labels.add(row.path().replace("Keycloak ", "").replace("admin API ", "") + String.format(
                        java.util.Locale.ROOT, " %,.0f/s", row.rate()));
                values.add(row.rate());
            }
        }
        double[] marked = imports.longestStallMillis() > 0 ? new double[] {imports.stallAtSeconds()
                - imports.longestStallMillis() / 1000, imports.stallAtSeconds()} : null;
        return Svg.line(String.format(java.util.Locale.ROOT, "Import tool: customers created per second, %,d records, "
                        + "-Xmx256m (longest stall %,.0f ms, shaded)", imports.records(),
                imports.longestStallMillis()), "seconds since the import began", "customers/s",
                imports.seconds1s(), imports.perSecond(), labels, values.stream().mapToDouble(Double::doubleValue)
                        .toArray(), marked);
    }
}
