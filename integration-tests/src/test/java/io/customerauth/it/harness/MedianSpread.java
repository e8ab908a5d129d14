package io.customerauth.it.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How far apart the medians of several cases are, measured in interleaved rounds (every round holds one sample of
 * every case): the ratio of the slowest case's median to the fastest's, and a 95% confidence interval of that ratio
 * from a bootstrap over whole rounds. Resampling rounds, not single samples, keeps what a round shares (the load of
 * the machine at that moment) together, so a noisy neighbour widens the interval instead of faking a difference.
 */
public final class MedianSpread {

    private static final int RESAMPLES = 2000;

    private final Map<String, List<Long>> rounds;

    /** Samples per case, in round order; every case has one sample per round. */
    public MedianSpread(Map<String, List<Long>> samplesPerCase) {
        int size = samplesPerCase.values().iterator().next().size();
        if (size == 0 || samplesPerCase.values().stream().anyMatch(samples -> samples.size() != size)) {
            throw new IllegalArgumentException("every case needs the same number of rounds, at least one");
        }
        this.rounds = new LinkedHashMap<>(samplesPerCase);
    }

    public int rounds() {
        return rounds.values().iterator().next().size();
    }

    /** The median of each case in milliseconds. */
    public Map<String, Double> mediansMillis() {
        Map<String, Double> medians = new LinkedHashMap<>();
        rounds.forEach((name, samples) -> medians.put(name, Timing.medianMillis(samples)));
        return medians;
    }

    /** Slowest median over fastest median, over all rounds. */
    public double ratio() {
        int[] all = new int[rounds()];
        Arrays.setAll(all, i -> i);
        return ratioOf(all);
    }

    /** The 2.5th and 97.5th percentiles of the ratio over rounds drawn with replacement (a fixed seed: repeatable). */
    public double[] confidenceInterval95() {
        Random random = new Random(7);
        double[] ratios = new double[RESAMPLES];
        int[] drawn = new int[rounds()];
        for (int resample = 0; resample < RESAMPLES; resample++) {
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = random.nextInt(drawn.length);
            }
            ratios[resample] = ratioOf(drawn);
        }
        Arrays.sort(ratios);
        return new double[] {ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]};
    }

    private double ratioOf(int[] roundIndexes) {
        double slowest = 0;
        double fastest = Double.MAX_VALUE;
        for (List<Long> samples : rounds.values()) {
            List<Long> drawn = new ArrayList<>(roundIndexes.length);
            for (int index : roundIndexes) {
                drawn.add(samples.get(index));
            }
            double median = Timing.medianMillis(drawn);
            slowest = Math.max(slowest, median);
            fastest = Math.min(fastest, median);
        }
        return slowest / fastest;
    }

    @Override
    public String toString() {
        double[] interval = confidenceInterval95();
        return String.format("ratio %.3f (95%% CI %.3f–%.3f) over %d rounds, median ms per case %s", ratio(),
                interval[0], interval[1], rounds(), mediansMillis());
    }
}
