package io.customerauth.importer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.customerauth.importer.ExitCode;
import io.customerauth.importer.input.JsonLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a synthetic customer export (see {@link SyntheticCustomers}). */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
        description = "Writes a synthetic customer export for tests and benchmarks.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  bin/import-customers generate --count 100000 --output /tmp/customers-100k.json",
                "  bin/import-customers generate --count 100000 --hashed-percent 100 --output /tmp/hashed-100k.json",
                "  bin/import-customers generate --count 1000 --invalid-percent 5 --seed 7 --output /tmp/mixed.json"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", description = "How many records.")
    private long count;

    @Option(names = "--output", paramLabel = "PATH", description = "The file to write ('-' for stdout).")
    private String output;

    @Option(names = "--hashed-percent", paramLabel = Limits.MIN_PERCENT + "-" + Limits.MAX_PERCENT,
            description = "Share of customers with a password_hash (bcrypt, werkzeug scrypt, werkzeug pbkdf2, "
                    + "argon2id in turn).")
    private int hashedPercent;

    @Option(names = "--invalid-percent", paramLabel = Limits.MIN_PERCENT + "-" + Limits.MAX_PERCENT,
            description = "Share of records with one defect each.")
    private int invalidPercent;

    @Option(names = "--email-tag", paramLabel = "TEXT",
            description = "Put TEXT in every email, to make files whose customers do not overlap.")
    private String emailTag;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed: the same seed gives the same file.")
    private long seed;

    private SyntheticCustomers customers() {
        return new SyntheticCustomers(seed, emailTag, hashedPercent, invalidPercent);
    }

    @Override
    public Integer call() throws IOException {
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "Missing --output PATH (or CUSTOMER_GENERATE_OUTPUT)");
        }
        Limits.atLeast(spec, "--count", count, Limits.MIN_COUNT);
        Limits.between(spec, "--hashed-percent", hashedPercent, Limits.MIN_PERCENT, Limits.MAX_PERCENT);
        Limits.between(spec, "--invalid-percent", invalidPercent, Limits.MIN_PERCENT, Limits.MAX_PERCENT);
        if (output.equals("-")) {
            JsonGenerator json = new JsonFactory().createGenerator(spec.commandLine().getOut());
            json.setPrettyPrinter(new JsonLines());
            customers().write(json, count);
            json.flush();
            return ExitCode.OK;
        }
        customers().write(Path.of(output), count);
        spec.commandLine().getErr().printf(Locale.ROOT, "Wrote %,d records to %s%n", count, output);
        return ExitCode.OK;
    }
}
