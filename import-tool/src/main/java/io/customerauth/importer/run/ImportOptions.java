package io.customerauth.importer.run;

import java.nio.file.Path;

/**
 * How one import runs.
 *
 * @param report the JSON report file, or {@code null}
 */
public record ImportOptions(Path file, int batchSize, int concurrency, boolean dryRun, Path report,
                            Progress.Mode progress) {
}
