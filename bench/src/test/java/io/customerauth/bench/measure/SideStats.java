package io.customerauth.bench.measure;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one side of one pair over its measured rounds: requests, errors (any status outside 2xx, or no
 * answer), throughput over the sides' windows, latency percentiles (nearest rank, ms) and the per-round throughputs.
 */
public record SideStats(String pair, String side, long requests, long errors, double seconds, double p50, double p95,
                        double p99, double max, double[] roundThroughputs, CpuShare cpu) {

    public double throughput() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    public static SideStats of(String pair, String side, List<Sample> samples, List<Recorder.Window> windows) {
        long[] latencies = samples.stream().filter(Sample::ok).mapToLong(Sample::latencyMillis).sorted().toArray();
        long errors = samples.stream().filter(sample -> !sample.ok()).count();
        double seconds = windows.stream().mapToDouble(Recorder.Window::seconds).sum();
        double[] rounds = windows.stream().mapToDouble(window -> samples.stream()
                .filter(sample -> sample.round() == window.round()).count() / window.seconds()).toArray();
        return new SideStats(pair, side, samples.size(), errors, seconds, percentile(latencies, 50),
                percentile(latencies, 95), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1], rounds,
                CpuShare.of(windows, samples.size()));
    }

    /**
     * The percentile of whole-millisecond times, interpolated inside the millisecond it falls in (a time Gatling
     * reports as v ms is taken as spread evenly over v ± 0.5 ms), so that sides a fraction of a millisecond apart
     * do not look equal or a whole millisecond apart.
     */
    static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        double rank = percent / 100.0 * sorted.length;
        int index = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(rank) - 1));
        long value = sorted[index];
        int first = index;
        while (first > 0 && sorted[first - 1] == value) {
            first--;
        }
        int last = index;
        while (last < sorted.length - 1 && sorted[last + 1] == value) {
            last++;
        }
        return value - 0.5 + (rank - first) / (last - first + 1);
    }

    @Override
    public String toString() {
        return pair + " " + side + ": " + requests + " requests, " + errors + " errors, " + throughput() + "/s, p50 "
                + p50 + " p95 " + p95 + " p99 " + p99 + " rounds " + Arrays.toString(roundThroughputs);
    }
}
