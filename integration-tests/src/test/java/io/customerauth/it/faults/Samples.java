package io.customerauth.it.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A set of samples of the load, to cut by time, node and route, and to read figures from. */
final class Samples {

    private final List<Sample> samples;

    Samples(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    List<Sample> all() {
        return samples;
    }

    int size() {
        return samples.size();
    }

    /** The samples sent in {@code [fromMillis, toMillis)}. */
    Samples between(long fromMillis, long toMillis) {
        return where(s -> s.startMillis() >= fromMillis && s.startMillis() < toMillis);
    }

    Samples where(Predicate<Sample> predicate) {
        return new Samples(samples.stream().filter(predicate).toList());
    }

    Samples node(String node) {
        return where(s -> s.node().equals(node));
    }

    Samples route(String route) {
        return where(s -> s.route().equals(route));
    }

    long count(Predicate<Sample> predicate) {
        return samples.stream().filter(predicate).count();
    }

    /** The {@code p}-th percentile (0–100) of the answer times in ms; 0 with no sample. */
    double percentile(double p) {
        List<Double> sorted = samples.stream().map(Sample::millis).sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    double maxMillis() {
        return samples.stream().mapToDouble(Sample::millis).max().orElse(0);
    }

    /** Requests per second over a span of this many milliseconds. */
    double rate(long spanMillis) {
        return samples.size() * 1000.0 / spanMillis;
    }

    /** Counts per status (0: no answer). */
    Map<Integer, Long> statuses() {
        return samples.stream().collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()));
    }

    /** What went wrong without an answer, and how often. */
    Map<String, Long> failures() {
        return samples.stream().filter(s -> s.failure() != null)
                .collect(Collectors.groupingBy(Sample::failure, TreeMap::new, Collectors.counting()));
    }

    /** The routes present, in a fixed order. */
    List<String> routes() {
        return samples.stream().map(Sample::route).distinct().sorted(Comparator.comparing(MixedLoad.ROUTES::indexOf))
                .toList();
    }

    List<Sample> sortedByStart() {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(Sample::startMillis));
        return sorted;
    }
}
