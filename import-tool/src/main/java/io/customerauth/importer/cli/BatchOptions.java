package io.customerauth.importer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How many customers go in one request, and how many requests are in flight: shared by the import and the benchmark. */
public final class BatchOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Customers per request, " + Limits.MIN_BATCH_SIZE + "-" + Limits.MAX_BATCH_SIZE
                    + " (at most what the server's bulk endpoint takes).")
    private int batchSize;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Batches in flight at once, " + Limits.MIN_CONCURRENCY + "-" + Limits.MAX_CONCURRENCY + ".")
    private int concurrency;

    /** Checks the options; call before anything else uses them. */
    void validate() {
        Limits.between(spec, "--batch-size", batchSize, Limits.MIN_BATCH_SIZE, Limits.MAX_BATCH_SIZE);
        Limits.between(spec, "--concurrency", concurrency, Limits.MIN_CONCURRENCY, Limits.MAX_CONCURRENCY);
    }

    int batchSize() {
        return batchSize;
    }

    int concurrency() {
        return concurrency;
    }
}
