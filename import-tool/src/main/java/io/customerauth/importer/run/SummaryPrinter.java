package io.customerauth.importer.run;

import java.io.PrintStream;
import java.util.Locale;

/** The final summary on stdout. */
public final class SummaryPrinter {

    private SummaryPrinter() {
    }

    public static void print(Summary summary, PrintStream out) {
        Tally tally = summary.tally();
        out.println();
        if (summary.dryRun()) {
            out.printf(Locale.ROOT, "Dry run of %s: nothing was written.%n", summary.file());
        } else {
            out.printf(Locale.ROOT, "Import of %s into realm %s at %s (writer: %s)%n", summary.file(),
                    summary.realm(), summary.server(), summary.writer());
        }
        out.printf(Locale.ROOT, "  records read : %,d%n", tally.read());
        if (summary.dryRun()) {
            out.printf(Locale.ROOT, "  valid        : %,d (would be written)%n", tally.valid());
        } else {
            out.printf(Locale.ROOT, "  created      : %,d%n", tally.created());
            out.printf(Locale.ROOT, "  skipped      : %,d (already in the realm)%n", tally.skipped());
        }
        out.printf(Locale.ROOT, "  rejected     : %,d (invalid records, listed above)%n", tally.rejected());
        if (!summary.dryRun()) {
            out.printf(Locale.ROOT, "  failed       : %,d (not written; a re-run retries them)%n", tally.failed());
        }
        out.printf(Locale.ROOT, "  time         : %.1f s, %,.0f records/s%n", summary.seconds(),
                summary.recordsPerSecond());
        if (summary.stopReason() != null) {
            out.printf(Locale.ROOT, "  stopped      : %s%n", summary.stopReason());
        }
        if (summary.reportError() != null) {
            out.printf(Locale.ROOT, "  report       : %s%n", summary.reportError());
        }
        out.printf(Locale.ROOT, "  exit code    : %d%n", summary.exitCode());
    }
}
