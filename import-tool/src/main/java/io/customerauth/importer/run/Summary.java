package io.customerauth.importer.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.customerauth.importer.ExitCode;

/**
 * The end of an import: the counts, why it stopped early (if it did) and the exit code that follows.
 *
 * @param inputError the file could not be read (from some point on), or {@code null}
 * @param serverError the server could not be used (from some point on), or {@code null}
 * @param reportError the report file could not be written (from some point on), or {@code null}
 * @param missingError why customers missing from the file were not looked for, or {@code null} when they were
 */
public record Summary(Path file, String server, String realm, String writer, boolean dryRun, Instant startedAt,
                      double seconds, Tally tally, String inputError, String serverError,
                      boolean serverUnusableFromStart, String reportError, String missingError) {

    public int exitCode() {
        if (reportError != null) {
            return ExitCode.REPORT_NOT_WRITTEN;
        }
        if (serverError != null && serverUnusableFromStart) {
            return ExitCode.SERVER_UNAVAILABLE;
        }
        if (serverError != null || tally.failed() > 0) {
            return ExitCode.PARTIAL_FAILURE;
        }
        if (inputError != null) {
            return ExitCode.BAD_INPUT;
        }
        if (tally.rejected() > 0) {
            return ExitCode.REJECTED_RECORDS;
        }
        return ExitCode.OK;
    }

    public String stopReason() {
        return serverError != null ? serverError : inputError;
    }

    public double recordsPerSecond() {
        return seconds <= 0 ? 0 : Math.round(tally.read() / seconds * 10) / 10.0;
    }

    static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
