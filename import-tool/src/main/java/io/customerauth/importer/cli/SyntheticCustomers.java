package io.customerauth.importer.cli;

import io.customerauth.common.customer.CustomerAttributes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.customerauth.importer.input.JsonLines;

/**
 * Synthetic customers, streamed (constant memory) and reproducible from a seed. Hashed customers get one of the
 * {@link SampleHashes} in turn, so their passwords are known; invalid records carry one defect each, in turn: a bad
 * UUID, a bad country, a bad language, a bad email, the previous record's email in capitals, an unsupported hash.
 */
final class SyntheticCustomers {

    private static final String[] COUNTRIES = {"FR", "DE", "GB", "US", "ES", "IT", "NL", "BE", "CH", "CA", "JP", "BR"};
    private static final String[] LANGUAGES = {"fr", "de", "en", "es", "it", "nl", "ja", "pt"};
    private static final String[] FIRST_NAMES = {"Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Greta", "Hugo",
        "Inès", "Jonas", "Katia", "Léo", "Maya", "Noah", "Olga", "Pablo"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Müller", "Smith", "García", "Rossi", "de Vries",
        "Peeters", "Dubois", "Tanaka", "Silva", "Nowak"};

    private final long seed;
    private final String tag;
    private final int hashedPercent;
    private final int invalidPercent;

    /**
     * @param emailTag put in every email so that files made with different tags never share a customer
     */
    SyntheticCustomers(long seed, String emailTag, int hashedPercent, int invalidPercent) {
        this.seed = seed;
        this.tag = emailTag == null || emailTag.isBlank() ? "" : ascii(emailTag) + "-";
        this.hashedPercent = hashedPercent;
        this.invalidPercent = invalidPercent;
    }

    void write(Path file, long count) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new JsonLines());
            write(json, count);
        }
    }

    void write(JsonGenerator json, long count) throws IOException {
        Random random = new Random(seed);
        int hashes = 0;
        int defects = 0;
        String previousEmail = "not-an-email";
        json.writeStartArray();
        for (long i = 0; i < count; i++) {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String email = ascii(first) + "." + ascii(last) + "." + tag + i + "@example.com";
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
            json.writeStringField(CustomerAttributes.CUSTOMER_ID, customerId);
            json.writeStringField(CustomerAttributes.COUNTRY, country);
            json.writeStringField(CustomerAttributes.LANGUAGE, language);
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
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
