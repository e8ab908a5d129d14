package io.customerauth.it.harness;

import java.util.List;

/** Medians of measured answer times, for tests that show timing does not depend on whether an account exists. */
public final class Timing {

    private Timing() {
    }

    public static double medianMillis(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return median / 1_000_000.0;
    }
}
