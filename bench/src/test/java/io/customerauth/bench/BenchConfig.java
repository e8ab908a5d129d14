package io.customerauth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one run does: the sizes and durations of the full run or of {@code --quick}, and where things are. The
 * Gatling Maven plugin passes the paths as system properties (bench/pom.xml); nothing here is read twice.
 *
 * @param loginUsers   customers used by the login, current-user and forgot-password pairs
 * @param resetsPerSide customers reset per side and round (each one gets its own code)
 * @param warmUp       how long each side of each pair runs before anything is measured
 * @param loginWarmUp  the same for the two login sides: the login path needs thousands of runs before the JIT is done
 * @param loginSide    how long each side of the login pair runs per round
 * @param ceilingSide  how long the argon2 ceiling is measured between the two sides of each login round
 * @param shortSide    how long each side of the current-user and forgot-password pairs runs per round
 * @param rounds       measured rounds per pair; the order of A and B alternates from round to round
 * @param importRecords records of the generated file the import tool writes into PostgreSQL
 * @param partialImportSample records written through partialImport, and a tenth of it one by one
 */
public record BenchConfig(String mode, int loginUsers, int resetsPerSide, Duration warmUp, Duration loginWarmUp,
                          Duration loginSide,
                          Duration ceilingSide, Duration shortSide, int rounds, int importRecords,
                          int partialImportSample, boolean skipImport, Path results, String machine,
                          String keycloakVersion, Path keycloakDist, Path projectRoot, Path workDir) {

    /** Concurrent virtual users of each pair: the same for A and B. */
    public static final int LOGIN_CONCURRENCY = 4;
    public static final int ME_CONCURRENCY = 8;
    public static final int FORGOT_CONCURRENCY = 8;
    /** The forgot-password pair again with one client: the timing a caller probing one email at a time sees. */
    public static final int FORGOT_ONE_CLIENT_CONCURRENCY = 1;
    public static final int RESET_CONCURRENCY = 4;

    static BenchConfig fromSystemProperties() {
        boolean quick = "quick".equals(System.getProperty("bench.mode", "full"));
        Path root = existing("bench.projectRoot");
        return new BenchConfig(
                quick ? "quick" : "full",
                quick ? 64 : 400,
                quick ? 16 : 60,
                Duration.ofSeconds(quick ? 4 : 10),
                Duration.ofSeconds(quick ? 4 : 60),
                Duration.ofSeconds(quick ? 5 : 12),
                Duration.ofSeconds(quick ? 3 : 6),
                Duration.ofSeconds(quick ? 4 : 6),
                quick ? 1 : 5,
                quick ? 20_000 : 1_000_000,
                quick ? 1_000 : 3_000,
                Boolean.parseBoolean(System.getProperty("bench.skipImport", "false")),
                Path.of(System.getProperty("bench.results", root.resolve("bench/results").toString())),
                System.getProperty("bench.machine", ""),
                System.getProperty("bench.keycloakVersion", "26.7.3"),
                existing("bench.keycloakDist"),
                root,
                Path.of(required("bench.workDir")).toAbsolutePath().normalize());
    }

    public boolean quick() {
        return mode.equals("quick");
    }

    private static Path existing(String property) {
        Path path = Path.of(required(property)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points at " + path + ", which does not exist: run bench/run");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run bench/run");
        }
        return value;
    }
}
