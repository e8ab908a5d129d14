package io.customerauth.importer.run;

import java.util.concurrent.atomic.AtomicLong;

import io.customerauth.importer.keycloak.Outcome;

/** Live counts, updated by the reader and the batch threads. */
public final class Tally {

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong valid = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void countRead() {
        read.incrementAndGet();
    }

    void countValid() {
        valid.incrementAndGet();
    }

    void count(Outcome.Status status) {
        switch (status) {
            case CREATED -> created.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
            case REJECTED -> rejected.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
    }

    public long read() {
        return read.get();
    }

    /** Records that passed the tool's validation (in a dry run: what would be written). */
    public long valid() {
        return valid.get();
    }

    public long created() {
        return created.get();
    }

    public long skipped() {
        return skipped.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Records with a final outcome (in a dry run, valid records count as done once validated). */
    long done(boolean dryRun) {
        return created() + skipped() + rejected() + failed() + (dryRun ? valid() : 0);
    }
}
