package io.customerauth.it.faults;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Small computations and formats the scenarios share. */
final class Figures {

    private Figures() {
    }

    /** The least-squares slope of {@code value} over time, per hour; NaN with fewer than two finite points. */
    static <T> double slopePerHour(List<T> points, ToDoubleFunction<T> epochMillis, ToDoubleFunction<T> value) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (T point : points) {
            double x = epochMillis.applyAsDouble(point) / 3_600_000.0;
            double y = value.applyAsDouble(point);
            if (!Double.isFinite(y)) {
                continue;
            }
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        return n < 2 || denominator == 0 ? Double.NaN : (n * sxy - sx * sy) / denominator;
    }

    /**
     * Seconds from {@code fromMillis} until the node's answers were good for good: the start of the first request
     * after which (within the samples) every request of the node succeeded. NaN when no request succeeded.
     */
    static double secondsUntilGood(Samples node, long fromMillis) {
        List<Sample> after = node.where(s -> s.startMillis() >= fromMillis).sortedByStart();
        long lastBad = fromMillis;
        boolean anyGood = false;
        for (Sample sample : after) {
            if (sample.ok() || sample.status() == 401 && sample.route().equals("login")) {
                anyGood = true;
            } else {
                lastBad = sample.endMillis();
                anyGood = false;
            }
        }
        return anyGood ? Math.max(0, lastBad - fromMillis) / 1000.0 : Double.NaN;
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String statuses(Samples samples) {
        return samples.size() == 0 ? "none" : samples.statuses().entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "no answer" : e.getKey().toString()) + "×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String map(Map<String, ?> values) {
        return values.isEmpty() ? "none" : values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
