package io.customerauth.bench.stack;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The customers the load uses, all with the same known password stored as an argon2id hash with the realm's own
 * parameters (so a login verifies exactly what Keycloak would have stored, and never re-hashes). Login customers
 * serve the login, current-user and forgot-password pairs; reset customers are used once each, per side and round.
 */
public final class BenchUsers {

    public static final String PASSWORD = "Bench-Password-1";
    public static final String NEW_PASSWORD = "Bench-Reset-Password-2";

    private final int loginUsers;
    private final int resetsPerSide;
    private final int rounds;

    public BenchUsers(int loginUsers, int resetsPerSide, int rounds) {
        this.loginUsers = loginUsers;
        this.resetsPerSide = resetsPerSide;
        this.rounds = rounds;
    }

    public int loginCount() {
        return loginUsers;
    }

    public String login(int index) {
        return String.format(Locale.ROOT, "bench-login-%04d@example.com", index);
    }

    /** Reset customers of one round (0 is the warm-up) and side ("a" or "b"). */
    public String reset(int round, String side, int index) {
        return String.format(Locale.ROOT, "bench-reset-%d%s-%04d@example.com", round, side, index);
    }

    public int resetsPerSide() {
        return resetsPerSide;
    }

    public List<String> all() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < loginUsers; i++) {
            emails.add(login(i));
        }
        for (int round = 0; round <= rounds; round++) {
            for (String side : List.of("a", "b")) {
                for (int i = 0; i < resetsPerSide; i++) {
                    emails.add(reset(round, side, i));
                }
            }
        }
        return emails;
    }

    /** Writes them as a customer_export.json for the import tool. */
    public void writeExport(Path file, String passwordHash) {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (String email : all()) {
                json.writeStartObject();
                json.writeStringField("email", email);
                json.writeStringField("customer_id", UUID.randomUUID().toString());
                json.writeStringField("country", "FR");
                json.writeStringField("language", "en");
                json.writeStringField("first_name", "Bench");
                json.writeStringField("last_name", "Customer");
                json.writeStringField("password_hash", passwordHash);
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
