package io.customerauth.importer.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.customerauth.importer.input.JsonLines;
import io.customerauth.importer.keycloak.Outcome;

/**
 * The optional JSON report, streamed as the import runs so that it costs no memory:
 * {@code {"records":[{"index":..,"status":"updated","reason":..,"changes":["email"]}, ...],
 * "missing":[{"customer_id":..,"id":..}, ...], "summary":{...}}}. It lists every record that was updated, rejected,
 * skipped or failed, and the unchanged ones with a note (a password kept because the customer set one in Keycloak);
 * created and plainly unchanged records are counted in the summary; {@code missing} lists the realm's customers the
 * file does not have. Reasons never hold a secret. Every failure to write it is a {@link ReportFileException}
 * naming the file.
 */
final class ReportFile implements AutoCloseable {

    private final Path file;
    private final JsonGenerator json;
    private boolean inMissing;

    private ReportFile(Path file, JsonGenerator json) {
        this.file = file;
        this.json = json;
    }

    static ReportFile open(Path file) throws ReportFileException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream out = Files.newOutputStream(file);
            JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setPrettyPrinter(new JsonLines());
            json.writeStartObject();
            json.writeArrayFieldStart("records");
            return new ReportFile(file, json);
        } catch (IOException e) {
            throw new ReportFileException(file, e);
        }
    }

    synchronized void add(Outcome outcome) throws ReportFileException {
        try {
            json.writeStartObject();
            json.writeNumberField("index", outcome.index());
            json.writeStringField("status", outcome.status().name().toLowerCase(Locale.ROOT));
            json.writeStringField("reason", outcome.reason());
            if (!outcome.changes().isEmpty()) {
                json.writeArrayFieldStart("changes");
                for (String change : outcome.changes()) {
                    json.writeString(change);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new ReportFileException(file, e);
        }
    }

    /** A customer of the realm the file does not have; called after the last record. */
    synchronized void addMissing(String customerId, String userId) throws ReportFileException {
        try {
            startMissing();
            json.writeStartObject();
            json.writeStringField("customer_id", customerId);
            json.writeStringField("id", userId);
            json.writeEndObject();
        } catch (IOException e) {
            throw new ReportFileException(file, e);
        }
    }

    private void startMissing() throws IOException {
        if (!inMissing) {
            inMissing = true;
            json.writeEndArray();
            json.writeArrayFieldStart("missing");
        }
    }

    /** Writes the summary and closes the file. */
    synchronized void finish(Summary summary) throws ReportFileException {
        try (JsonGenerator closing = json) {
            writeSummary(summary);
        } catch (IOException e) {
            throw new ReportFileException(file, e);
        }
    }

    private void writeSummary(Summary summary) throws IOException {
        startMissing();
        json.writeEndArray();
        json.writeObjectFieldStart("summary");
        json.writeStringField("file", summary.file().toString());
        json.writeStringField("server", summary.server());
        json.writeStringField("realm", summary.realm());
        json.writeStringField("writer", summary.writer());
        json.writeBooleanField("dryRun", summary.dryRun());
        json.writeStringField("startedAt", summary.startedAt().toString());
        json.writeStringField("finishedAt", Instant.now().toString());
        json.writeNumberField("seconds", summary.seconds());
        json.writeNumberField("read", summary.tally().read());
        json.writeNumberField("valid", summary.tally().valid());
        json.writeNumberField("created", summary.tally().created());
        json.writeNumberField("updated", summary.tally().updated());
        json.writeNumberField("unchanged", summary.tally().unchanged());
        json.writeNumberField("skipped", summary.tally().skipped());
        json.writeNumberField("rejected", summary.tally().rejected());
        json.writeNumberField("failed", summary.tally().failed());
        if (summary.missingError() == null) {
            json.writeNumberField("missing", summary.tally().missing());
        } else {
            json.writeStringField("missingNotChecked", summary.missingError());
        }
        json.writeNumberField("recordsPerSecond", summary.recordsPerSecond());
        if (summary.stopReason() != null) {
            json.writeStringField("stoppedBecause", summary.stopReason());
        }
        json.writeNumberField("exitCode", summary.exitCode());
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Closes the file without a summary, after an earlier failure: what is left is for reading by eye. */
    @Override
    public synchronized void close() {
        try {
            json.close();
        } catch (IOException ignored) {
            // The first failure was already reported; a second one says nothing new.
        }
    }
}
