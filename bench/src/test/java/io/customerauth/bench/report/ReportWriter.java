package io.customerauth.bench.report;

import io.customerauth.bench.BenchConfig;
import io.customerauth.bench.imports.ImportBench;
import io.customerauth.bench.load.Pairs;
import io.customerauth.bench.measure.CeilingWindows;
import io.customerauth.bench.measure.Connections;
import io.customerauth.bench.measure.CpuShare;
import io.customerauth.bench.measure.JfrProfile;
import io.customerauth.bench.measure.Recorder;
import io.customerauth.bench.measure.Sample;
import io.customerauth.bench.measure.SideStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns one run into {@code bench/results/<date>-<machine>/report.md} and its SVG charts: every figure comes from
 * this run's samples, windows, CPU counters, Flight Recorder file and import.
 */
public final class ReportWriter {

    /** The profile of the import's window. */
    static final String IMPORT = "import";

    private final BenchConfig config;
    private final Environment environment;
    private final Recorder recorder;
    private final CeilingWindows ceiling;
    private final Connections connections;
    private final Path jfr;
    private final ImportBench.Result imports;
    private final String importFailure;

    public ReportWriter(BenchConfig config, Environment environment, Recorder recorder,
                        CeilingWindows ceiling, Connections connections, Path jfr, ImportBench.Result imports,
                        String importFailure) {
        this.config = config;
        this.environment = environment;
        this.recorder = recorder;
        this.ceiling = ceiling;
        this.connections = connections;
        this.jfr = jfr;
        this.imports = imports;
        this.importFailure = importFailure;
    }

    public Path write() throws IOException {
        Path folder = Files.createDirectories(config.results().resolve(environment.folderName()));
        List<Sample> samples = recorder.samples();
        Map<String, SideStats> stats = new LinkedHashMap<>();
        for (String pair : Pairs.ALL) {
            for (String side : List.of("A", "B")) {
                stats.put(pair + side, stats(pair, side, samples));
            }
        }
        Markdown md = new Markdown(config, environment, stats, samples, ceiling, ceilingCpu(), connections,
                profiles(), imports, importFailure);
        Files.writeString(folder.resolve("report.md"), md.render());
        Files.writeString(folder.resolve("throughput.svg"), Charts.throughput(stats));
        Files.writeString(folder.resolve("latency.svg"), Charts.latency(stats));
        if (imports != null) {
            Files.writeString(folder.resolve("import.svg"), Charts.imports(imports));
        }
        return folder.resolve("report.md");
    }

    private SideStats stats(String pair, String side, List<Sample> samples) {
        List<Recorder.Window> windows = windows(pair, side);
        List<Sample> measured = samples.stream()
                .filter(sample -> sample.pair().equals(pair) && sample.side().equals(side) && sample.round() > 0)
                .toList();
        return SideStats.of(pair, side, measured, windows);
    }

    private List<Recorder.Window> windows(String pair, String side) {
        return IntStream.rangeClosed(1, config.rounds())
                .mapToObj(round -> recorder.window(pair, side, round))
                .flatMap(Optional::stream).toList();
    }

    /** Where the machine's CPU went while the ceiling was measured. */
    private CpuShare ceilingCpu() {
        return CpuShare.of(windows(Pairs.LOGIN, "C"), 0);
    }

    /** Keycloak's profile during the measured windows of each side of the pairs worth a profile. */
    private Map<String, JfrProfile.Profile> profiles() throws IOException {
        Map<String, List<JfrProfile.Span>> spans = new LinkedHashMap<>();
        for (String pair : List.of(Pairs.LOGIN, Pairs.FORGOT, Pairs.RESET)) {
            for (String side : List.of("A", "B")) {
                spans.put(pair + side, windows(pair, side).stream().map(window -> new JfrProfile.Span(
                        window.begin().epochMillis(), window.end().epochMillis())).toList());
            }
        }
        if (imports != null) {
            spans.put(IMPORT, List.of(new JfrProfile.Span(imports.startEpochMillis(), imports.endEpochMillis())));
        }
        return JfrProfile.read(jfr, spans);
    }

    /** Errors of every series, warm-up and set-up requests included: any error makes the run invalid. */
    static Map<String, Long> errors(List<Sample> samples) {
        return samples.stream().filter(sample -> !sample.ok()).collect(Collectors.groupingBy(
                sample -> sample.pair() + " " + sample.side() + (sample.round() == 0 ? " (warm-up)" : "")
                        + " status " + sample.status(), TreeMap::new, Collectors.counting()));
    }
}
