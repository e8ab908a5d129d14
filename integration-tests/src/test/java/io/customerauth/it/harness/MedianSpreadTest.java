package io.customerauth.it.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MedianSpreadTest {

    private static final long MS = 1_000_000L;

    @Test
    void theRatioIsTheSlowestMedianOverTheFastest() {
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        samples.put("a", List.of(100 * MS, 110 * MS, 90 * MS));
        samples.put("b", List.of(150 * MS, 140 * MS, 160 * MS));

        MedianSpread spread = new MedianSpread(samples);

        assertThat(spread.ratio()).isEqualTo(1.5);
        assertThat(spread.mediansMillis()).containsEntry("a", 100.0).containsEntry("b", 150.0);
    }

    @Test
    void aLoadThatMovesEveryCaseOfARoundTogetherWidensTheIntervalAroundTheTrueRatio() {
        Random random = new Random(1);
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        samples.put("even-a", new ArrayList<>());
        samples.put("even-b", new ArrayList<>());
        for (int round = 0; round < 40; round++) {
            double load = 1 + 2 * random.nextDouble();
            samples.get("even-a").add((long) (200 * MS * load * (0.95 + 0.1 * random.nextDouble())));
            samples.get("even-b").add((long) (200 * MS * load * (0.95 + 0.1 * random.nextDouble())));
        }

        double[] interval = new MedianSpread(samples).confidenceInterval95();

        assertThat(interval[0]).isGreaterThanOrEqualTo(1.0).isLessThan(interval[1]);
        assertThat(interval[1]).isLessThan(1.6);
    }

    @Test
    void aRealDifferenceKeepsTheWholeIntervalAboveIt() {
        Random random = new Random(2);
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        samples.put("fast", new ArrayList<>());
        samples.put("slow", new ArrayList<>());
        for (int round = 0; round < 30; round++) {
            samples.get("fast").add((long) (200 * MS * (0.9 + 0.2 * random.nextDouble())));
            samples.get("slow").add((long) (300 * MS * (0.9 + 0.2 * random.nextDouble())));
        }

        assertThat(new MedianSpread(samples).confidenceInterval95()[0]).isGreaterThan(1.3);
    }

    @Test
    void casesWithDifferentNumbersOfRoundsAreRefused() {
        Map<String, List<Long>> samples = Map.of("a", List.of(1L, 2L), "b", List.of(1L));

        assertThatThrownBy(() -> new MedianSpread(samples)).isInstanceOf(IllegalArgumentException.class);
    }
}
