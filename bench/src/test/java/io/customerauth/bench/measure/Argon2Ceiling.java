package io.customerauth.bench.measure;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling of password logins on this machine: argon2 verifications per second with the realm's algorithm
 * (Keycloak 26's default argon2id, version 1.3, m = 7,168 KiB, t = 5, p = 1, a 32-byte hash), by BouncyCastle's
 * {@link Argon2BytesGenerator} as Keycloak calls it, on as many threads as Keycloak lets verify at once (its
 * semaphore is sized to the CPU count). The bench runs it between the two sides of each login round, while Keycloak
 * is idle, so that it meets the same machine as the logins do.
 */
public final class Argon2Ceiling {

    public static final int MEMORY_KIB = 7168;
    public static final int ITERATIONS = 5;
    public static final int PARALLELISM = 1;
    public static final int HASH_LENGTH = 32;

    private Argon2Ceiling() {
    }

    /** What one window of hashing did: hashes finished, wall seconds, CPU seconds of the hashing threads. */
    public record Result(int threads, long hashes, double seconds, double cpuSeconds) {
        public double perSecond() {
            return seconds <= 0 ? 0 : hashes / seconds;
        }

        /** CPU milliseconds of one verification, whatever else the machine was doing. */
        public double cpuMillisPerHash() {
            return hashes == 0 ? 0 : cpuSeconds * 1000 / hashes;
        }

        public Result plus(Result other) {
            return new Result(threads, hashes + other.hashes, seconds + other.seconds, cpuSeconds + other.cpuSeconds);
        }
    }

    public static byte[] hash(String password, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(ITERATIONS)
                .withParallelism(PARALLELISM)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[HASH_LENGTH];
        generator.generateBytes(password.toCharArray(), out);
        return out;
    }

    /** The PHC string of {@link #hash}: what the import tool takes as {@code password_hash}. */
    public static String phc(String password, byte[] salt) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + base64.encodeToString(salt) + "$" + base64.encodeToString(hash(password, salt));
    }

    public static String settings() {
        return "argon2id v1.3, m = " + MEMORY_KIB + " KiB (7 MiB), t = " + ITERATIONS + ", p = " + PARALLELISM
                + ", " + HASH_LENGTH + "-byte hash (Keycloak 26's default password hashing)";
    }

    /** Starts {@code threads} hashing threads; {@link Running#stop()} ends them and says what they did. */
    public static Running start(int threads) {
        return new Running(threads);
    }

    /** Hashing threads at work. */
    public static final class Running {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong hashes = new AtomicLong();
        private final AtomicLong cpuNanos = new AtomicLong();
        private final List<Thread> workers = new ArrayList<>();
        private final int threads;
        private final long start = System.nanoTime();

        private Running(int threads) {
            this.threads = threads;
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            byte[] salt = "bench-ceiling-salt".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < threads; i++) {
                Thread worker = new Thread(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    while (!stop.get()) {
                        hash("Ceiling-Password-1", salt);
                        hashes.incrementAndGet();
                    }
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                }, "argon2-ceiling-" + i);
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
        }

        /**
         * Stops counting now; the hashes in progress finish but do not count, and their CPU time is left out in
         * proportion (every thread's last, unfinished hash).
         */
        public Result stop() {
            long counted = hashes.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            try {
                for (Thread worker : workers) {
                    worker.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            long all = hashes.get();
            double cpuSeconds = cpuNanos.get() / 1e9 * (all == 0 ? 0 : (double) counted / all);
            return new Result(threads, counted, seconds, cpuSeconds);
        }
    }
}
