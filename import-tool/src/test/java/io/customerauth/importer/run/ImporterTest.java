package io.customerauth.importer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.customerauth.importer.ExitCode;
import io.customerauth.importer.input.CustomerRecord;
import io.customerauth.importer.keycloak.BatchRefusedException;
import io.customerauth.importer.keycloak.BatchWriter;
import io.customerauth.importer.keycloak.Outcome;
import io.customerauth.importer.keycloak.ServerException;

class ImporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HASH = "$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesValidRecordsInBatchesAndReportsTheRest() throws Exception {
        Path file = export(10, 3, 7);
        RecordingWriter writer = new RecordingWriter();

        Summary summary = run(file, writer, 4, 2, dir.resolve("report.json"));

        assertThat(writer.batchSizes).containsExactlyInAnyOrder(4, 4);
        assertThat(summary.tally().read()).isEqualTo(10);
        assertThat(summary.tally().created()).isEqualTo(8);
        assertThat(summary.tally().rejected()).isEqualTo(2);
        assertThat(summary.exitCode()).isEqualTo(ExitCode.REJECTED_RECORDS);
        assertThat(stderr()).contains("record 3 rejected: country: not an ISO 3166-1 alpha-2 code",
                "record 7 rejected: country: not an ISO 3166-1 alpha-2 code");

        JsonNode report = MAPPER.readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("records")).hasSize(2);
        assertThat(report.get("records").get(0).toString())
                .isEqualTo("{\"index\":3,\"status\":\"rejected\",\"reason\":\"country: not an ISO 3166-1 alpha-2 code\"}");
        assertThat(report.get("summary").get("created").asLong()).isEqualTo(8);
        assertThat(report.get("summary").get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void endsWithExitCodeZeroWhenEverythingWasCreatedOrSkipped() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.skipEvery = 2;

        Summary summary = run(export(5), writer, 2, 1, null);

        assertThat(summary.tally().created()).isEqualTo(3);
        assertThat(summary.tally().skipped()).isEqualTo(2);
        assertThat(summary.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void keepsAtMostConcurrencyBatchesInFlight() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.pauseMillis = 20;

        run(export(60), writer, 5, 3, null);

        assertThat(writer.maxInFlight.get()).isBetween(2, 3);
        assertThat(writer.batchSizes).hasSize(12);
    }

    @Test
    void sendsNoBatchLargerThanTheWriterTakes() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.maxBatchSize = 3;

        Summary summary = run(export(10), writer, 5, 1, null);

        assertThat(writer.batchSizes).containsExactly(3, 3, 3, 1);
        assertThat(summary.tally().created()).isEqualTo(10);
        assertThat(stderr()).contains("Batches of 3 customers, the most the server takes per request (asked for 5)");
    }

    @Test
    void isolatesTheRecordsTheServerRefusesByHalvingTheBatch() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.refusedIndex = 5;

        Summary summary = run(export(8), writer, 8, 1, null);

        assertThat(summary.tally().created()).isEqualTo(7);
        assertThat(summary.tally().failed()).isEqualTo(1);
        assertThat(summary.exitCode()).isEqualTo(ExitCode.PARTIAL_FAILURE);
        assertThat(stderr()).contains("record 5 failed: refused by the server (HTTP 400): bad record");
    }

    @Test
    void stopsReadingWhenTheServerBecomesUnusable() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.unreachableAfterBatches = 2;

        Summary summary = run(export(100), writer, 10, 1, null);

        assertThat(summary.tally().created()).isEqualTo(20);
        assertThat(summary.tally().read()).isLessThan(100);
        assertThat(summary.tally().failed()).isGreaterThan(0);
        assertThat(summary.stopReason()).contains("did not answer");
        assertThat(summary.exitCode()).isEqualTo(ExitCode.PARTIAL_FAILURE);
    }

    @Test
    void saysTheServerIsUnavailableWhenNothingCouldBeWritten() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.unreachableAfterBatches = 0;

        Summary summary = run(export(10), writer, 5, 1, null);

        assertThat(summary.tally().created()).isZero();
        assertThat(summary.exitCode()).isEqualTo(ExitCode.SERVER_UNAVAILABLE);
    }

    @Test
    void dryRunValidatesWithoutAWriter() throws Exception {
        Summary summary = run(export(6, 2), null, 2, 1, null);

        assertThat(summary.tally().valid()).isEqualTo(5);
        assertThat(summary.tally().rejected()).isEqualTo(1);
        assertThat(summary.tally().created()).isZero();
        assertThat(summary.dryRun()).isTrue();
    }

    @Test
    void reportsAMalformedFileAfterWritingTheRecordsBeforeIt() throws Exception {
        Path file = dir.resolve("broken.json");
        String good = records(3, List.of());
        Files.writeString(file, good.substring(0, good.length() - 1) + ", {\"email\": }]");
        RecordingWriter writer = new RecordingWriter();

        Summary summary = run(file, writer, 2, 1, null);

        assertThat(summary.tally().created()).isEqualTo(3);
        assertThat(summary.inputError()).contains("Malformed JSON in record 3");
        assertThat(summary.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void reportsAMissingFile() throws Exception {
        Summary summary = run(dir.resolve("nope.json"), new RecordingWriter(), 2, 1, null);

        assertThat(summary.inputError()).contains("File not found");
        assertThat(summary.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void neverPrintsOrReportsAPasswordHash() throws Exception {
        Path file = dir.resolve("hashes.json");
        Files.writeString(file, "[{\"email\":\"a@example.com\",\"customer_id\":\"00000000-0000-4000-8000-000000000001\","
                + "\"country\":\"FR\",\"language\":\"fr\",\"password_hash\":\"" + HASH + "\"},"
                + "{\"email\":\"b@example.com\",\"customer_id\":\"00000000-0000-4000-8000-000000000002\","
                + "\"country\":\"XX\",\"language\":\"fr\",\"password_hash\":\"" + HASH + "\"},"
                + "{\"email\":\"c@example.com\",\"customer_id\":\"00000000-0000-4000-8000-000000000003\","
                + "\"country\":\"FR\",\"language\":\"fr\",\"password_hash\":\"sha1$pepper$deadbeefdeadbeefdeadbeef\"}]");
        RecordingWriter writer = new RecordingWriter();
        writer.refusedIndex = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Summary summary = run(file, writer, 2, 1, dir.resolve("report.json"));
        SummaryPrinter.print(summary, new PrintStream(out, true, StandardCharsets.UTF_8));

        String everything = stderr() + out.toString(StandardCharsets.UTF_8) + Files.readString(dir.resolve("report.json"));
        assertThat(everything).doesNotContain("N9qo8uLO", "pepper", "deadbeef");
        assertThat(summary.tally().rejected()).isEqualTo(2);
        assertThat(summary.tally().failed()).isEqualTo(1);
    }

    @Test
    void rejectsATooCostlyHashWithItsIndexAndReasonInTheReportWithoutShowingIt() throws Exception {
        String costly = "$2b$31$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi";
        Path file = dir.resolve("costly.json");
        Files.writeString(file, "[{\"email\":\"a@example.com\",\"customer_id\":\"00000000-0000-4000-8000-000000000001\","
                + "\"country\":\"FR\",\"language\":\"fr\",\"password_hash\":\"" + HASH + "\"},"
                + "{\"email\":\"b@example.com\",\"customer_id\":\"00000000-0000-4000-8000-000000000002\","
                + "\"country\":\"FR\",\"language\":\"fr\",\"password_hash\":\"" + costly + "\"}]");

        Summary summary = run(file, new RecordingWriter(), 2, 1, dir.resolve("report.json"));

        assertThat(summary.tally().created()).isEqualTo(1);
        assertThat(summary.exitCode()).isEqualTo(ExitCode.REJECTED_RECORDS);
        String report = Files.readString(dir.resolve("report.json"));
        assertThat(MAPPER.readTree(report).get("records").get(0).toString()).isEqualTo("{\"index\":1,"
                + "\"status\":\"rejected\",\"reason\":\"password_hash: bcrypt cost must be between 04 and 16\"}");
        assertThat(stderr()).contains("record 1 rejected: password_hash: bcrypt cost must be between 04 and 16");
        assertThat(stderr() + report).doesNotContain("N9qo8uLO");
    }

    @Test
    void refusesToStartWhenTheReportFileCannotBeCreated() throws Exception {
        RecordingWriter writer = new RecordingWriter();

        assertThatThrownBy(() -> run(export(10), writer, 5, 1, dir))
                .isInstanceOf(ReportFileException.class)
                .hasMessage("cannot write the report " + dir + ": Is a directory");
        assertThat(writer.batchSizes).isEmpty();
    }

    @Test
    void aFullDiskUnderTheReportStopsTheImportWithoutCountingWrittenBatchesAsFailed() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        RecordingWriter writer = new RecordingWriter();
        writer.skipEvery = 2;

        Summary summary = run(export(4000), writer, 50, 2, full);

        long written = writer.batchSizes.stream().mapToLong(Integer::longValue).sum();
        assertThat(summary.reportError()).isEqualTo("cannot write the report /dev/full: No space left on device");
        assertThat(summary.exitCode()).isEqualTo(ExitCode.REPORT_NOT_WRITTEN);
        assertThat(summary.tally().read()).isLessThan(4000);
        assertThat(summary.tally().created() + summary.tally().skipped()).isEqualTo(written);
        assertThat(summary.tally().failed()).isEqualTo(summary.tally().valid() - written);
        assertThat(summary.serverError()).isNull();
        assertThat(stderr()).contains("error: cannot write the report /dev/full: No space left on device")
                .doesNotContain("not written");
    }

    private Summary run(Path file, BatchWriter writer, int batchSize, int concurrency, Path report) throws IOException {
        ImportOptions options = new ImportOptions(file, batchSize, concurrency, writer == null, report,
                Progress.Mode.NONE);
        return new Importer(options, writer, null, "http://localhost:8080", "customers",
                new PrintStream(err, true, StandardCharsets.UTF_8)).run();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** {@code count} valid records, except a bad country at the given indexes. */
    private Path export(int count, Integer... badCountryAt) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".json");
        Files.writeString(file, records(count, List.of(badCountryAt)));
        return file;
    }

    private static String records(int count, List<Integer> badCountryAt) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(String.format("{\"email\":\"customer%d@example.com\",\"customer_id\":"
                            + "\"00000000-0000-4000-8000-%012d\",\"country\":\"%s\",\"language\":\"fr\"}", i, i,
                    badCountryAt.contains(i) ? "XX" : "FR"));
        }
        return "[" + String.join(",\n", records) + "]";
    }

    /** Creates everything, records batch sizes and concurrency, and fails on demand. */
    private static final class RecordingWriter implements BatchWriter {

        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();
        volatile int pauseMillis;
        volatile int skipEvery;
        volatile long refusedIndex = -1;
        volatile int unreachableAfterBatches = -1;
        volatile int maxBatchSize = Integer.MAX_VALUE;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public int maxBatchSize() {
            return maxBatchSize;
        }

        @Override
        public List<Outcome> write(List<CustomerRecord> batch) throws BatchRefusedException, ServerException {
            if (unreachableAfterBatches >= 0 && batches.get() >= unreachableAfterBatches) {
                throw new ServerException(ServerException.Kind.UNREACHABLE, "Keycloak did not answer after 5 retries");
            }
            if (batch.stream().anyMatch(c -> c.index() == refusedIndex)) {
                throw new BatchRefusedException(400, "bad record");
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            batches.incrementAndGet();
            batchSizes.add(batch.size());
            List<Outcome> outcomes = new ArrayList<>();
            for (CustomerRecord customer : batch) {
                outcomes.add(skipEvery > 0 && customer.index() % skipEvery == 1
                        ? new Outcome(customer.index(), Outcome.Status.SKIPPED, "email already in the realm")
                        : Outcome.created(customer.index()));
            }
            return outcomes;
        }
    }
}
