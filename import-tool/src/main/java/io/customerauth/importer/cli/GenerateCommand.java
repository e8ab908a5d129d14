package io.customerauth.importer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.customerauth.importer.ExitCode;
import io.customerauth.importer.input.JsonLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes a synthetic customer_export.json of any size, streamed (constant memory), reproducible from its seed.
 * Hashed customers get one of the {@link SampleHashes} in turn, so their passwords are known; invalid records carry
 * one defect each, in turn: a bad UUID, a bad country, a bad language, a bad email, an earlier record's email, an
 * unsupported hash.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
        description = "Writes a synthetic customer export for tests and benchmarks.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  bin/import-customers generate --count 100000 --output /tmp/customers-100k.json",
                "  bin/import-customers generate --count 100000 --hashed-percent 100 --output /tmp/hashed-100k.json",
                "  bin/import-customers generate --count 1000 --invalid-percent 5 --seed 7 --output /tmp/mixed.json"})
public final class GenerateCommand implements Callable<Integer> {

    private static final String[] COUNTRIES = {"FR", "DE", "GB", "US", "ES", "IT", "NL", "BE", "CH", "CA", "JP", "BR"};
    private static final String[] LANGUAGES = {"fr", "de", "en", "es", "it", "nl", "ja", "pt"};
    private static final String[] FIRST_NAMES = {"Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Greta", "Hugo",
        "Inès", "Jonas", "Katia", "Léo", "Maya", "Noah", "Olga", "Pablo"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Müller", "Smith", "García", "Rossi", "de Vries",
        "Peeters", "Dubois", "Tanaka", "Silva", "Nowak"};

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", paramLabel = "N",
            description = "How many records. Env: CUSTOMER_GENERATE_COUNT. Default: ${DEFAULT-VALUE}.")
    private long count;

    @Option(names = "--output", paramLabel = "PATH",
            description = "The file to write ('-' for stdout). Env: CUSTOMER_GENERATE_OUTPUT.")
    private String output;

    @Option(names = "--hashed-percent", paramLabel = "0-100",
            description = "Share of customers with a password_hash (bcrypt, werkzeug scrypt, werkzeug pbkdf2, "
                    + "argon2id in turn). Env: CUSTOMER_GENERATE_HASHED_PERCENT. Default: ${DEFAULT-VALUE}.")
    private int hashedPercent;

    @Option(names = "--invalid-percent", paramLabel = "0-100",
            description = "Share of records with one defect each. Env: CUSTOMER_GENERATE_INVALID_PERCENT. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int invalidPercent;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed: the same seed gives the same file. Env: CUSTOMER_GENERATE_SEED. "
                    + "Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() throws IOException {
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "Missing --output PATH (or CUSTOMER_GENERATE_OUTPUT)");
        }
        if (count < 0 || hashedPercent < 0 || hashedPercent > 100 || invalidPercent < 0 || invalidPercent > 100) {
            throw new ParameterException(spec.commandLine(), "--count must be >= 0 and the percentages 0-100");
        }
        if (output.equals("-")) {
            JsonGenerator json = new JsonFactory().createGenerator(spec.commandLine().getOut());
            json.setPrettyPrinter(new JsonLines());
            write(json);
            json.flush();
            return ExitCode.OK;
        }
        try (OutputStream out = Files.newOutputStream(Path.of(output));
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new JsonLines());
            write(json);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "Wrote %,d records to %s%n", count, output);
        return ExitCode.OK;
    }

    private void write(JsonGenerator json) throws IOException {
        Random random = new Random(seed);
        int hashes = 0;
        int defects = 0;
        String previousEmail = "not-an-email";
        json.writeStartArray();
        for (long i = 0; i < count; i++) {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String email = ascii(first) + "." + ascii(last) + "." + i + "@example.com";
            String customerId = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
            String hash = random.nextInt(100) < hashedPercent
                    ? SampleHashes.ALL.get(hashes++ % SampleHashes.ALL.size()).hash() : null;
            if (random.nextInt(100) < invalidPercent) {
                switch (defects++ % 6) {
                    case 0 -> customerId = customerId.substring(0, 35);
                    case 1 -> country = "XX";
                    case 2 -> language = "xx";
                    case 3 -> email = email.replace("@", " at ");
                    case 4 -> email = previousEmail.toUpperCase(Locale.ROOT);
                    default -> hash = "md5$" + customerId;
                }
            }
            previousEmail = email;
            json.writeStartObject();
            json.writeStringField("email", email);
            json.writeStringField("customer_id", customerId);
            json.writeStringField("country", country);
            json.writeStringField("language", language);
            json.writeStringField("first_name", first);
            json.writeStringField("last_name", last);
            if (hash != null) {
                json.writeStringField("password_hash", hash);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeRaw('\n');
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }
}
