package io.customerauth.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Everything the load measured: every request of every pair, and the moments each side of each round began and
 * ended (taken by the first virtual user past each rendezvous, so all of them are lined up), with what the CPUs
 * had done by then.
 */
public final class Recorder {

    /** A side of a round: when it began and ended, and the CPU counters at both ends. */
    public record Window(String pair, String side, int round, CpuSnapshot begin, CpuSnapshot end) {
        public double seconds() {
            return (end.nanos() - begin.nanos()) / 1e9;
        }
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Map<String, CpuSnapshot> marks = new ConcurrentHashMap<>();
    private final Supplier<CpuSnapshot> cpu;

    public Recorder(Supplier<CpuSnapshot> cpu) {
        this.cpu = cpu;
    }

    public void record(Sample sample) {
        samples.add(sample);
    }

    /** Marks a moment once, however many virtual users pass it. */
    public void mark(String name) {
        marks.computeIfAbsent(name, key -> cpu.get());
    }

    public static String begin(String pair, String side, int round) {
        return pair + "/" + side + "/" + round + "/begin";
    }

    public static String end(String pair, String side, int round) {
        return pair + "/" + side + "/" + round + "/end";
    }

    public List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** The window of one side of one round, if both of its ends were marked. */
    public java.util.Optional<Window> window(String pair, String side, int round) {
        CpuSnapshot begin = marks.get(begin(pair, side, round));
        CpuSnapshot end = marks.get(end(pair, side, round));
        return begin == null || end == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Window(pair, side, round, begin, end));
    }
}
