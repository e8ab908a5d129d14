package io.customerauth.importer.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.customerauth.importer.keycloak.Outcome;

class ProgressTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void showsShareRateCountsAndEta() {
        Tally tally = new Tally();
        for (int i = 0; i < 4; i++) {
            tally.countRead();
        }
        tally.count(Outcome.Status.CREATED);
        tally.count(Outcome.Status.CREATED);
        tally.count(Outcome.Status.UNCHANGED);
        tally.count(Outcome.Status.REJECTED);

        String line = progress(tally, false, 500, 1000).line();

        assertThat(line).startsWith(" 50%  4 records  (created 2, updated 0, unchanged 1, rejected 1, failed 0)")
                .contains("records/s", "ETA 0m");
    }

    @Test
    void countsValidRecordsAsDoneWhenOnlyValidating() {
        Tally tally = new Tally();
        tally.countRead();
        tally.countValid();

        assertThat(progress(tally, true, 1000, 1000).line()).startsWith("100%  1 records  (valid 1, rejected 0)")
                .endsWith("ETA -");
    }

    @Test
    void printsMessagesAsPlainLinesWithoutABar() {
        Progress progress = progress(new Tally(), false, 0, 0);

        progress.message("record 3 rejected: country: not an ISO 3166-1 alpha-2 code");
        progress.close();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("record 3 rejected: country: not an ISO 3166-1 alpha-2 code" + System.lineSeparator());
    }

    @Test
    void redrawsTheBarBelowEachMessageOnATerminal() {
        Progress progress = progress(new Tally(), false, 0, 100);

        progress.message("record 3 rejected: email: invalid email address");
        progress.close();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("record 3 rejected: email: invalid email address")
                .contains("\r\033[K[                        ]   0%")
                .endsWith("\r\033[K");
    }

    private Progress progress(Tally tally, boolean dryRun, long bytesRead, long fileSize) {
        Progress.Mode mode = fileSize == 100 ? Progress.Mode.BAR : Progress.Mode.PLAIN;
        return new Progress(new PrintStream(out, true, StandardCharsets.UTF_8), mode, tally, dryRun, () -> bytesRead,
                fileSize);
    }
}
