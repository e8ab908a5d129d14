package io.customerauth.importer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The range of every numeric option, in one place: the checks and the help texts (which quote these constants) of
 * the import, the benchmark and the generator all read them from here.
 */
final class Limits {

    static final int MIN_BATCH_SIZE = 1;
    /** Also the bulk endpoint's own maximum; a server advertising less lowers it (see {@code BatchWriter}). */
    static final int MAX_BATCH_SIZE = 1000;
    static final int MIN_CONCURRENCY = 1;
    static final int MAX_CONCURRENCY = 16;
    static final int MIN_RETRIES = 0;
    static final int MAX_RETRIES = 20;
    static final int MIN_TIMEOUT_SECONDS = 1;
    static final int MIN_COUNT = 0;
    /** The benchmark's main phases need customers to measure. */
    static final int MIN_BENCHMARK_COUNT = 1;
    static final int MIN_PERCENT = 0;
    static final int MAX_PERCENT = 100;

    private Limits() {
    }

    /** A usage error (exit code 2) unless {@code min <= value <= max}. */
    static void between(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max);
        }
    }

    /** A usage error (exit code 2) unless {@code value >= min}. */
    static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + min);
        }
    }
}
