package io.customerauth.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's report: what each scenario did and measured, its checks, and the machine's load while it ran, written as
 * {@code report.md} with SVG charts beside it.
 */
final class FaultReport {

    /** One expectation of a scenario and what was seen. */
    record Check(String scenario, String what, boolean held, String seen) {
    }

    /** The part of the report one scenario writes. */
    static final class Section {
        private final String title;
        private final StringBuilder body = new StringBuilder();
        private final List<Check> checks = new ArrayList<>();

        private Section(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }

        Section text(String markdown) {
            body.append(markdown).append("\n\n");
            return this;
        }

        Section table(List<String> headers, List<List<String>> rows) {
            body.append("| ").append(String.join(" | ", headers)).append(" |\n|");
            headers.forEach(h -> body.append(" --- |"));
            body.append('\n');
            for (List<String> row : rows) {
                body.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            body.append('\n');
            return this;
        }

        /** Records an expectation; the scenario fails at its end if any did not hold. */
        Section check(String what, boolean held, String seen) {
            checks.add(new Check(title, what, held, seen));
            return this;
        }

        Section chart(String file, String alt) {
            body.append("![").append(alt).append("](").append(file).append(")\n\n");
            return this;
        }

        List<Check> checks() {
            return checks;
        }

        List<Check> failed() {
            return checks.stream().filter(check -> !check.held()).toList();
        }
    }

    /** report.md for a run of every scenario; a run of some ({@code --only}) names them, so runs do not collide. */
    private static final String FILE = System.getProperty("faults.only", "").isBlank() ? "report.md"
            : "report-" + System.getProperty("faults.only").replace(',', '+') + ".md";

    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final StringBuilder setup = new StringBuilder();
    private final long startedMillis = System.currentTimeMillis();

    Section section(String title) {
        return sections.computeIfAbsent(title, Section::new);
    }

    void setup(String markdown) {
        setup.append(markdown).append("\n\n");
    }

    void writeChart(String file, String svg) {
        try {
            Files.writeString(FaultRun.resultsDir().resolve(file), svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write() {
        StringBuilder md = new StringBuilder();
        md.append("# Faults and soak: what the pack survives\n\n");
        md.append("Run ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                Instant.ofEpochMilli(startedMillis).atOffset(ZoneOffset.UTC))).append(" UTC, written by `bench/faults`")
                .append(" (`io.customerauth.it.faults.FaultSuite`). **The machine is shared**: 2 cores that other")
                .append(" engineers' builds and tests use at the same time; each scenario gives the load average and")
                .append(" the other busy processes seen while it ran. Absolute times are this machine's on that day;")
                .append(" compare within a scenario (before / during / after), not across machines.\n\n");
        md.append(setup);
        md.append("## Checks\n\n| scenario | expectation | held | seen |\n| --- | --- | --- | --- |\n");
        sections.values().forEach(section -> section.checks().forEach(check -> md.append("| ")
                .append(check.scenario()).append(" | ").append(check.what()).append(" | ")
                .append(check.held() ? "yes" : "**NO**").append(" | ").append(check.seen()).append(" |\n")));
        md.append('\n');
        sections.values().forEach(section -> md.append("## ").append(section.title).append("\n\n")
                .append(section.body));
        try {
            Path file = FaultRun.resultsDir().resolve(FILE);
            Files.writeString(file, md.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
