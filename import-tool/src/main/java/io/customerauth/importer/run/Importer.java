package io.customerauth.importer.run;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.customerauth.importer.input.CustomerRecord;
import io.customerauth.importer.input.InputException;
import io.customerauth.importer.input.RecordReader;
import io.customerauth.importer.input.RecordValidator;
import io.customerauth.importer.input.Verdict;
import io.customerauth.importer.keycloak.BatchRefusedException;
import io.customerauth.importer.keycloak.BatchWriter;
import io.customerauth.importer.keycloak.Outcome;
import io.customerauth.importer.keycloak.RealmCustomers;
import io.customerauth.importer.keycloak.ServerException;

/**
 * Streams the file, validates each record, and hands full batches to at most {@code concurrency} writer threads;
 * the reader waits while they are all busy, so memory holds at most {@code concurrency + 1} batches. A batch the
 * server refuses as a whole is split in halves until the bad records stand alone. When the server becomes unusable,
 * or the report file cannot be written, the import stops reading; the batches in flight finish and count for what
 * they are, and a re-run finds what was written (unchanged) and finishes the job. Once the whole file went through,
 * the realm's customers are listed page by page and those whose customer_id the file does not have are reported as
 * missing (never deleted).
 */
public final class Importer {

    /** Missing customers named on the terminal; the report lists them all. */
    private static final int MISSING_SHOWN = 10;

    private final ImportOptions options;
    private final BatchWriter writer;
    private final RealmCustomers realmCustomers;
    private final String server;
    private final String realm;
    private final PrintStream err;
    private final Tally tally = new Tally();
    private final AtomicReference<String> serverError = new AtomicReference<>();
    private final AtomicReference<String> reportError = new AtomicReference<>();
    private String missingError;
    private Progress progress;
    private ReportFile report;

    /**
     * @param writer         {@code null} to validate only (a dry run against a server without the bulk endpoint)
     * @param realmCustomers the realm's customers, for the missing report; {@code null} when it cannot be listed
     */
    public Importer(ImportOptions options, BatchWriter writer, RealmCustomers realmCustomers, String server,
                    String realm, PrintStream err) {
        this.options = options;
        this.writer = writer;
        this.realmCustomers = realmCustomers;
        this.server = server;
        this.realm = realm;
        this.err = err;
    }

    /**
     * Imports the file; every failure part-way (the file, the server, the report file) ends in the summary.
     *
     * @throws ReportFileException the report file cannot be created: nothing was read or written
     */
    public Summary run() throws ReportFileException {
        Instant start = Instant.now();
        String inputError = null;
        report = options.report() == null ? null : ReportFile.open(options.report());
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), daemonThreads());
        Semaphore slots = new Semaphore(options.concurrency());
        RecordValidator validator = new RecordValidator();
        try (RecordReader reader = RecordReader.open(options.file())) {
            progress = new Progress(err, options.progress(), tally, writer == null, reader::bytesRead,
                    reader.fileSize());
            progress.start();
            int batchSize = batchSize();
            List<CustomerRecord> batch = new ArrayList<>(batchSize);
            try {
                JsonNode node;
                while (!stopped() && (node = reader.next()) != null) {
                    long index = reader.nextIndex() - 1;
                    tally.countRead();
                    Verdict verdict = validator.validate(index, node);
                    if (verdict instanceof Verdict.Rejected rejected) {
                        settle(new Outcome(index, Outcome.Status.REJECTED, rejected.reason()));
                        continue;
                    }
                    tally.countValid();
                    if (writer != null) {
                        batch.add(((Verdict.Accepted) verdict).customer());
                        if (batch.size() == batchSize) {
                            submit(pool, slots, batch);
                            batch = new ArrayList<>(batchSize);
                        }
                    }
                }
            } catch (InputException e) {
                inputError = e.getMessage();
                progress.message("Stopped reading: " + inputError);
            }
            if (!batch.isEmpty() && !stopped()) {
                submit(pool, slots, batch);
            } else {
                for (CustomerRecord customer : batch) {
                    settle(new Outcome(customer.index(), Outcome.Status.FAILED, "not sent: the import stopped"), false);
                }
            }
            awaitAll(pool);
            if (inputError == null && !stopped()) {
                reportMissing(validator);
            }
        } catch (InputException e) {
            inputError = e.getMessage();
        } finally {
            pool.shutdownNow();
            if (progress != null) {
                progress.close();
            }
        }
        Summary summary = summary(start, inputError);
        if (report != null && reportError.get() == null) {
            try {
                report.finish(summary);
            } catch (ReportFileException e) {
                reportError.set(e.getMessage());
                err.println("error: " + e.getMessage());
                summary = summary(start, inputError);
            }
        } else if (report != null) {
            report.close();
        }
        return summary;
    }

    /** The requested batch size, or less when the server takes no more per request. */
    private int batchSize() {
        if (writer == null || writer.maxBatchSize() >= options.batchSize()) {
            return options.batchSize();
        }
        progress.message("Batches of " + writer.maxBatchSize() + " customers, the most the server takes per request "
                + "(asked for " + options.batchSize() + ")");
        return writer.maxBatchSize();
    }

    /** Lists the realm's customers and reports those the file does not have; a failure is said, not fatal. */
    private void reportMissing(RecordValidator validator) {
        if (realmCustomers == null) {
            missingError = "the server cannot list its customers (no bulk endpoint)";
            return;
        }
        try {
            realmCustomers.forEach((customerId, userId) -> {
                if (!validator.mentions(customerId) && reportError.get() == null) {
                    tally.countMissing();
                    if (tally.missing() <= MISSING_SHOWN) {
                        progress.message("customer " + customerId + " (user " + userId + ") is in the realm, not in "
                                + "the file: left as it is");
                    }
                    if (report != null) {
                        try {
                            report.addMissing(customerId, userId);
                        } catch (ReportFileException e) {
                            reportFailed(e);
                        }
                    }
                }
            });
        } catch (ServerException e) {
            missingError = e.getMessage();
            progress.message("could not list the realm's customers: " + e.getMessage());
        }
    }

    private Summary summary(Instant start, String inputError) {
        boolean nothingWritten = tally.written() == 0;
        return new Summary(options.file(), server, realm, writer == null ? "none (validated only)" : writer.name(),
                options.dryRun(), start, Summary.secondsSince(start), tally, inputError, serverError.get(),
                nothingWritten, reportError.get(), missingError);
    }

    private boolean stopped() {
        return serverError.get() != null || reportError.get() != null;
    }

    private void submit(ExecutorService pool, Semaphore slots, List<CustomerRecord> batch) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free batch slot", e);
        }
        pool.execute(() -> {
            try {
                // Outside write's catch: a failure to settle an outcome never turns a written batch into FAILED.
                write(batch).forEach(this::settle);
            } finally {
                slots.release();
            }
        });
    }

    /** The batch's outcomes to settle; none when it could not be written at all (then each record FAILED). */
    private List<Outcome> write(List<CustomerRecord> batch) {
        try {
            return writeBisecting(batch);
        } catch (ServerException e) {
            failAll(batch, e.getMessage());
        } catch (RuntimeException e) {
            failAll(batch, "internal error: " + e);
        }
        return List.of();
    }

    private void failAll(List<CustomerRecord> batch, String reason) {
        serverError.compareAndSet(null, reason);
        progress.message("records " + batch.get(0).index() + " to " + batch.get(batch.size() - 1).index()
                + " failed (" + batch.size() + " records): " + reason);
        for (CustomerRecord customer : batch) {
            settle(new Outcome(customer.index(), Outcome.Status.FAILED, "not written: " + reason), false);
        }
    }

    /** Writes the batch; when the server refuses it as a whole, writes each half, down to single records. */
    private List<Outcome> writeBisecting(List<CustomerRecord> batch) throws ServerException {
        try {
            return writer.write(batch);
        } catch (BatchRefusedException e) {
            if (batch.size() == 1) {
                return List.of(new Outcome(batch.get(0).index(), Outcome.Status.FAILED,
                        "refused by the server (HTTP " + e.status() + "): " + e.getMessage()));
            }
            int half = batch.size() / 2;
            List<Outcome> outcomes = new ArrayList<>(writeBisecting(batch.subList(0, half)));
            outcomes.addAll(writeBisecting(batch.subList(half, batch.size())));
            return outcomes;
        }
    }

    private void settle(Outcome outcome) {
        settle(outcome, true);
    }

    private void settle(Outcome outcome, boolean print) {
        tally.count(outcome.status());
        if (print && (outcome.status() == Outcome.Status.REJECTED || outcome.status() == Outcome.Status.FAILED)) {
            progress.message("record " + outcome.index() + " " + outcome.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + outcome.reason());
        }
        if (report != null && reportable(outcome) && reportError.get() == null) {
            try {
                report.add(outcome);
            } catch (ReportFileException e) {
                reportFailed(e);
            }
        }
    }

    /** Created records are counted only, and so are unchanged ones unless something was kept on purpose. */
    private static boolean reportable(Outcome outcome) {
        return outcome.status() != Outcome.Status.CREATED
                && !(outcome.status() == Outcome.Status.UNCHANGED && outcome.reason().isEmpty());
    }

    /** The first report failure stops the import: the report could no longer list every record not created. */
    private void reportFailed(ReportFileException e) {
        if (reportError.compareAndSet(null, e.getMessage())) {
            progress.message("error: " + e.getMessage() + "; the import stops (a re-run finds what was written unchanged)");
        }
    }

    private static void awaitAll(ExecutorService pool) {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // Batches are still being written.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "import-batch");
            thread.setDaemon(true);
            return thread;
        };
    }
}
