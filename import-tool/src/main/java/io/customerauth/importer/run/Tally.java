package io.customerauth.importer.run;

import java.util.concurrent.atomic.AtomicLong;

import io.customerauth.importer.keycloak.Outcome;

/** Live counts, updated by the reader and the batch threads. */
public final class Tally {

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong valid = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();

    void countRead() {
        read.incrementAndGet();
    }

    void countValid() {
        valid.incrementAndGet();
    }

    void countMissing() {
        missing.incrementAndGet();
    }

    void count(Outcome.Status status) {
        switch (status) {
            case CREATED -> created.incrementAndGet();
            case UPDATED -> updated.incrementAndGet();
            case UNCHANGED -> unchanged.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
            case REJECTED -> rejected.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
    }

    public long read() {
        return read.get();
    }

    /** Records that passed the tool's own validation. */
    public long valid() {
        return valid.get();
    }

    public long created() {
        return created.get();
    }

    /** Customers found by customer_id whose email, country, language or password hash the run changed. */
    public long updated() {
        return updated.get();
    }

    /** Customers found by customer_id that already matched the export. */
    public long unchanged() {
        return unchanged.get();
    }

    /** Existing users a fallback writer (partialImport, the admin API) could not compare, left as they were. */
    public long skipped() {
        return skipped.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Customers of the realm whose customer_id the export does not have (reported, never deleted). */
    public long missing() {
        return missing.get();
    }

    /** Records the server wrote or found as they should be. */
    long written() {
        return created() + updated() + unchanged() + skipped();
    }

    /** Records with a final outcome (validated only, valid records count as done once validated). */
    long done(boolean validateOnly) {
        return written() + rejected() + failed() + (validateOnly ? valid() : 0);
    }
}
