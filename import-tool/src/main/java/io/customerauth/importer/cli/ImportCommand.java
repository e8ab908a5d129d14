package io.customerauth.importer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.customerauth.importer.ExitCode;
import io.customerauth.importer.keycloak.AdminClient;
import io.customerauth.importer.keycloak.BatchWriter;
import io.customerauth.importer.keycloak.BulkImportWriter;
import io.customerauth.importer.keycloak.RealmCustomers;
import io.customerauth.importer.keycloak.ServerException;
import io.customerauth.importer.keycloak.Writers;
import io.customerauth.importer.run.ImportOptions;
import io.customerauth.importer.run.Importer;
import io.customerauth.importer.run.Progress;
import io.customerauth.importer.run.ReportFileException;
import io.customerauth.importer.run.Summary;
import io.customerauth.importer.run.SummaryPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-customers",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        sortOptions = false,
        subcommands = {GenerateCommand.class, BenchmarkCommand.class},
        usageHelpWidth = 110,
        description = {
                "Imports a customer_export.json (a JSON array of customers) into a Keycloak realm through the admin "
                        + "REST API: streamed, validated record by record, written in batches, safe to re-run.",
                "A re-run with a newer export keeps the realm in step: a customer found by customer_id gets the "
                        + "export's email, country and language, and its password hash while they have not set a "
                        + "password in Keycloak; customers the export lacks are reported, never deleted.",
                "Customers keep their passwords: a password_hash (werkzeug scrypt or pbkdf2, bcrypt, argon2id) "
                        + "becomes a Keycloak credential, re-hashed by Keycloak at the first login.",
                "Every option can also be set through the environment variable shown with it. The admin password "
                        + "comes only from KEYCLOAK_ADMIN_PASSWORD or --admin-password-file (default: admin, the "
                        + "dev stack's)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  bin/import-customers customer_export.json",
                "  bin/import-customers --dry-run --report report.json customer_export.json",
                "  bin/import-customers --validate-only customer_export.json",
                "  KEYCLOAK_URL=https://sso.example.com KEYCLOAK_ADMIN_PASSWORD=\"$(pass kc-admin)\" \\",
                "      bin/import-customers --report report.json customer_export.json",
                "  bin/import-customers --admin-password-file /run/secrets/kc-admin --writer partial-import export.json",
                "  bin/import-customers generate --count 100000 --hashed-percent 50 --output big.json",
                "  JAVA_OPTS=-Xmx256m bin/import-customers benchmark --count 100000   (writes to the realm!)",
                "",
                "Exit codes:",
                "  0  every record was created, updated or already as in the file",
                "  1  internal error, or the --report file cannot be written (the message names the path and why)",
                "  2  bad command line",
                "  3  some records were rejected (invalid); every valid record was written",
                "  4  the file cannot be read as a JSON array (missing, not JSON, malformed part-way)",
                "  5  Keycloak cannot be used: unreachable, admin login refused, access denied, realm missing",
                "  6  partial failure: some records could not be written; re-run the same command to finish"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The customer export: a JSON array of {email, customer_id, country, language, first_name, "
                    + "last_name, password_hash}.")
    private Path file;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--writer", paramLabel = "auto|bulk|partial-import",
            description = "How batches are written: the pack's bulk endpoint, Keycloak's partialImport, or auto "
                    + "(bulk when the server has it).")
    private String writer;

    @Mixin
    private BatchOptions batches;

    @Option(names = "--report", paramLabel = "PATH",
            description = "Also write a JSON report: every record not created (index, status, reason) and the "
                    + "summary.")
    private Path report;

    @Option(names = "--progress", paramLabel = "auto|bar|plain|none",
            description = "Progress on stderr: a bar on a terminal, plain lines otherwise.")
    private String progress;

    @Option(names = "--dry-run", arity = "0..1", paramLabel = "true|false",
            description = "Say what a run would create, update, leave unchanged, reject and find missing, writing "
                    + "nothing: Keycloak compares every record and rolls its answer back.")
    private boolean dryRun;

    @Option(names = "--validate-only", arity = "0..1", paramLabel = "true|false",
            description = "Validate the file with the tool's own rules without contacting Keycloak.")
    private boolean validateOnly;

    @Option(names = "--store", paramLabel = "auto|model",
            description = "How the bulk endpoint reaches the users: auto (below Keycloak's user model where that is "
                    + "proven equivalent, PostgreSQL) or model (through the user model: slower, for a diagnosis).")
    private String store;

    private Map<String, String> env = Map.of();
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /**
     * The environment (for the admin password) and the streams, of this command and its subcommands: given by
     * {@code Main}, replaced in tests.
     */
    public void useEnvironment(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    Map<String, String> env() {
        return env;
    }

    PrintStream err() {
        return err;
    }

    @Override
    public Integer call() {
        ImportOptions options = options();
        BatchWriter batchWriter = null;
        RealmCustomers realmCustomers = null;
        if (!validateOnly) {
            try {
                AdminClient client = AdminClient.connect(connection.settings(env));
                batchWriter = Writers.choose(writerChoice(), client);
                if (batchWriter instanceof BulkImportWriter bulk) {
                    bulk = storeChoice() ? bulk.throughTheUserModel() : bulk;
                    batchWriter = dryRun ? bulk.dryRun() : bulk;
                    realmCustomers = new RealmCustomers(client);
                } else if (dryRun) {
                    err.println("The server has no bulk endpoint: the dry run validates the file without comparing "
                            + "it with the realm.");
                    batchWriter = null;
                }
            } catch (ServerException e) {
                err.println("error: " + e.getMessage());
                return ExitCode.SERVER_UNAVAILABLE;
            }
        }
        try {
            Summary summary = new Importer(options, batchWriter, realmCustomers, connection.server().toString(),
                    connection.realm(), err).run();
            SummaryPrinter.print(summary, out);
            return summary.exitCode();
        } catch (ReportFileException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.REPORT_NOT_WRITTEN;
        }
    }

    private ImportOptions options() {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "Missing the customer export FILE (or CUSTOMER_EXPORT_FILE)");
        }
        batches.validate();
        connection.validate();
        writerChoice();
        storeChoice();
        return new ImportOptions(file, batches.batchSize(), batches.concurrency(), dryRun || validateOnly, report,
                progressMode());
    }

    private Writers.Choice writerChoice() {
        try {
            return Writers.parse(writer);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--writer must be auto, bulk or partial-import");
        }
    }

    /** True when the user model is asked for. */
    private boolean storeChoice() {
        String choice = store == null ? "auto" : store.trim().toLowerCase(java.util.Locale.ROOT);
        if (!choice.equals("auto") && !choice.equals("model")) {
            throw new ParameterException(spec.commandLine(), "--store must be auto or model");
        }
        return choice.equals("model");
    }

    private Progress.Mode progressMode() {
        try {
            return Progress.Mode.valueOf(progress.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--progress must be auto, bar, plain or none");
        }
    }
}
