package io.customerauth.importer.run;

import java.io.PrintStream;
import java.util.Locale;

/** The final summary on stdout. */
public final class SummaryPrinter {

    private SummaryPrinter() {
    }

    public static void print(Summary summary, PrintStream out) {
        Tally tally = summary.tally();
        boolean dry = summary.dryRun();
        out.println();
        if (summary.writer().startsWith("none")) {
            out.printf(Locale.ROOT, "Validation of %s: nothing was sent to Keycloak.%n", summary.file());
        } else if (dry) {
            out.printf(Locale.ROOT, "Dry run of %s against realm %s at %s (writer: %s): nothing was written.%n",
                    summary.file(), summary.realm(), summary.server(), summary.writer());
        } else {
            out.printf(Locale.ROOT, "Import of %s into realm %s at %s (writer: %s)%n", summary.file(),
                    summary.realm(), summary.server(), summary.writer());
        }
        out.printf(Locale.ROOT, "  records read : %,d%n", tally.read());
        if (summary.writer().startsWith("none")) {
            out.printf(Locale.ROOT, "  valid        : %,d (validated by the tool only: nothing was compared)%n",
                    tally.valid());
        } else {
            out.printf(Locale.ROOT, "  created      : %,d%s%n", tally.created(), dry ? " (would be created)" : "");
            out.printf(Locale.ROOT, "  updated      : %,d (%s email, country, language or password hash)%n",
                    tally.updated(), dry ? "would change their" : "found by customer_id, with a new");
            out.printf(Locale.ROOT, "  unchanged    : %,d (found by customer_id, as in the file)%n", tally.unchanged());
            if (tally.skipped() > 0) {
                out.printf(Locale.ROOT, "  skipped      : %,d (already in the realm; this writer cannot compare)%n",
                        tally.skipped());
            }
        }
        out.printf(Locale.ROOT, "  rejected     : %,d (invalid records, listed above)%n", tally.rejected());
        if (!dry) {
            out.printf(Locale.ROOT, "  failed       : %,d (not written; a re-run retries them)%n", tally.failed());
        }
        if (summary.missingError() == null) {
            out.printf(Locale.ROOT, "  missing      : %,d (customers of the realm not in the file: reported, never "
                    + "deleted)%n", tally.missing());
        } else {
            out.printf(Locale.ROOT, "  missing      : not checked (%s)%n", summary.missingError());
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
