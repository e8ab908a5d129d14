package io.customerauth.importer.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: a redrawn bar on a terminal (percent of the file, records/s, ETA), plain lines every few
 * seconds otherwise, or nothing. Messages (rejections, failures) go through {@link #message} so they never tear the
 * bar. The percentage comes from the bytes read, since a streamed file's record count is unknown until its end.
 */
public final class Progress implements AutoCloseable {

    public enum Mode { AUTO, BAR, PLAIN, NONE }

    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final Mode mode;
    private final Tally tally;
    private final boolean validateOnly;
    private final LongSupplier bytesRead;
    private final long fileSize;
    private final Instant start = Instant.now();
    private final Thread ticker;
    private boolean barShown;

    /** @param validateOnly no writer: a valid record is done once validated */
    Progress(PrintStream out, Mode mode, Tally tally, boolean validateOnly, LongSupplier bytesRead, long fileSize) {
        this.out = out;
        this.mode = mode == Mode.AUTO ? (System.console() != null ? Mode.BAR : Mode.PLAIN) : mode;
        this.tally = tally;
        this.validateOnly = validateOnly;
        this.bytesRead = bytesRead;
        this.fileSize = fileSize;
        Duration period = this.mode == Mode.BAR ? Duration.ofMillis(250) : Duration.ofSeconds(5);
        this.ticker = this.mode == Mode.NONE ? null : new Thread(() -> tick(period), "import-progress");
        if (ticker != null) {
            ticker.setDaemon(true);
        }
    }

    void start() {
        if (ticker != null) {
            ticker.start();
        }
    }

    /** A line for the user (never a secret), printed above the bar. */
    synchronized void message(String line) {
        if (barShown) {
            out.print("\r\033[K");
            barShown = false;
        }
        out.println(line);
        if (mode == Mode.BAR) {
            drawBar();
        }
    }

    private void tick(Duration period) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(period.toMillis());
                synchronized (this) {
                    if (mode == Mode.BAR) {
                        drawBar();
                    } else {
                        out.println(line());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drawBar() {
        double fraction = fraction(tally.done(validateOnly));
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        out.print("\r\033[K[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + line());
        out.flush();
        barShown = true;
    }

    String line() {
        double seconds = Math.max(Summary.secondsSince(start), 0.001);
        long rejected = tally.rejected();
        long done = tally.done(validateOnly);
        double fraction = fraction(done);
        String eta = fraction > 0.001 && fraction < 1
                ? format(Duration.ofSeconds((long) (seconds * (1 - fraction) / fraction))) : "-";
        String counts = validateOnly
                ? String.format(Locale.ROOT, "(valid %,d, rejected %,d)", tally.valid(), rejected)
                : String.format(Locale.ROOT, "(created %,d, updated %,d, unchanged %,d, rejected %,d, failed %,d)",
                        tally.created(), tally.updated(), tally.unchanged() + tally.skipped(), rejected,
                        tally.failed());
        return String.format(Locale.ROOT, "%3.0f%%  %,d records  %s  %,.0f records/s  ETA %s",
                fraction * 100, done, counts, done / seconds, eta);
    }

    /** Share of the work done: the share of the file read, scaled by the share of read records already settled. */
    private double fraction(long done) {
        if (fileSize <= 0) {
            return 0;
        }
        double readShare = Math.min(1.0, (double) bytesRead.getAsLong() / fileSize);
        long read = tally.read();
        double settled = read == 0 ? 0 : Math.min(1.0, (double) done / read);
        return readShare * settled;
    }

    private static String format(Duration duration) {
        long s = duration.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.interrupt();
        }
        if (barShown) {
            out.print("\r\033[K");
            barShown = false;
        }
        out.flush();
    }
}
