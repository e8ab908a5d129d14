package io.customerauth.importer.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PasswordHashesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi",
            "$2y$05$R9h/cIPz0gi.URNNX3kh2Ob34rDVGIBdw4DKfEouQwQtWNey4dqDW"})
    void keepsABcryptHashWholeAsTheSecretValue(String hash) throws Exception {
        ImportedCredential credential = PasswordHashes.toCredential(hash);

        assertThat(credential.algorithm()).isEqualTo("bcrypt");
        assertThat(credential.credentialData()).isEqualTo("{\"hashIterations\":" + Integer.parseInt(hash.substring(4, 6))
                + ",\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}");
        assertThat(credential.secretData()).isEqualTo("{\"value\":\"" + hash + "\",\"additionalParameters\":{}}");
    }

    @Test
    void storesAWerkzeugScryptHashWithItsLiteralSaltBytes() throws Exception {
        ImportedCredential credential = PasswordHashes.toCredential("scrypt:32768:8:1$sél/ü+$"
                + "ad93064a14aaed5baff0bdea66622b9bfd20c67db2b2914a3f43d3a5b0953e78486503366c6ec4c04589c250bc6428a9a566c7fe22bcf7c654fd6c262f582ce5");

        assertThat(credential.algorithm()).isEqualTo("werkzeug-scrypt");
        assertThat(credential.credentialData()).isEqualTo("{\"hashIterations\":32768,\"algorithm\":\"werkzeug-scrypt\","
                + "\"additionalParameters\":{\"blockSize\":[\"8\"],\"parallelism\":[\"1\"]}}");
        JsonNode secret = MAPPER.readTree(credential.secretData());
        assertThat(Base64.getDecoder().decode(secret.get("salt").asText()))
                .isEqualTo("sél/ü+".getBytes(StandardCharsets.UTF_8));
        assertThat(secret.get("value").asText()).startsWith("ad93064a").hasSize(128);
    }

    @Test
    void storesAWerkzeugPbkdf2HashWithItsDigestName() throws Exception {
        ImportedCredential credential = PasswordHashes.toCredential("pbkdf2:sha256:600000$Yh7TgB3nK9pQ2wEr$"
                + "7748D097CB7D1B72CE21DB0EC345ED3E4780B7A62094B2D9E7F9F259D18B5F37");

        assertThat(credential.algorithm()).isEqualTo("werkzeug-pbkdf2");
        assertThat(credential.credentialData()).isEqualTo("{\"hashIterations\":600000,\"algorithm\":\"werkzeug-pbkdf2\","
                + "\"additionalParameters\":{\"hashAlgorithm\":[\"sha256\"]}}");
        assertThat(credential.secretData()).isEqualTo("{\"value\":\"7748d097cb7d1b72ce21db0ec345ed3e4780b7a62094b2d9e7f9f259d18b5f37\","
                + "\"salt\":\"WWg3VGdCM25LOXBRMndFcg==\",\"additionalParameters\":{}}");
    }

    @Test
    void turnsAnArgon2idPhcStringIntoKeycloaksOwnArgon2Credential() throws Exception {
        ImportedCredential credential = PasswordHashes.toCredential(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(credential.algorithm()).isEqualTo("argon2");
        assertThat(credential.credentialData()).isEqualTo("{\"hashIterations\":2,\"algorithm\":\"argon2\","
                + "\"additionalParameters\":{\"hashLength\":[\"32\"],\"memory\":[\"65536\"],\"type\":[\"id\"],"
                + "\"version\":[\"1.3\"],\"parallelism\":[\"1\"]}}");
        assertThat(credential.secretData()).isEqualTo("{\"value\":\"CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc=\","
                + "\"salt\":\"c29tZXNhbHQ=\",\"additionalParameters\":{}}");
    }

    /** Recomputes the hash from the credential as Keycloak's Argon2PasswordHashProvider does (BouncyCastle). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "password        | $argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "Argon2-Secret-1 | $argon2id$v=19$m=65536,t=3,p=4$Q3U1dDBtM3JTNGx0VjRsdQ$SPwZz4nujKmncvWBgMMi799nK7mdCFwXRKTul3fH8ko"})
    void buildsAnArgon2CredentialKeycloakVerifies(String password, String phc) throws Exception {
        ImportedCredential credential = PasswordHashes.toCredential(phc);

        assertThat(keycloakArgon2Verify(password, credential)).isTrue();
        assertThat(keycloakArgon2Verify(password + "x", credential)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "md5$salt$0123456789abcdef0123456789abcdef | unsupported format",
            "sha256$salt$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | unsupported format",
            "plain$$secret                   | unsupported format",
            "$1$saltsalt$abcdefghijklmnopqrstuv | unsupported format",
            "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW | unsupported bcrypt version",
            "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe | malformed bcrypt hash",
            "$2b$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW | bcrypt cost must be between 04 and 16",
            "scrypt$salt$0123456789abcdef0123456789abcdef | must name its parameters",
            "scrypt:1000:8:1$salt$0123456789abcdef0123456789abcdef | N must be a power of two",
            "scrypt:1048576:8:1$salt$0123456789abcdef0123456789abcdef | more than 256 MiB",
            "scrypt:16384:8:0$salt$0123456789abcdef0123456789abcdef | scrypt p must be an integer of at least 1",
            "scrypt:16384:8:1$$0123456789abcdef0123456789abcdef | empty salt",
            "scrypt:16384:8:1$salt$0123456789abcdef0123456789abcdeg | not 32 to 256 hex digits",
            "scrypt:16384:8:1$salt$0123456789abcdef0123456789abcde | not 32 to 256 hex digits",
            "scrypt:16384:8:1$salt$hex$more | malformed werkzeug scrypt hash",
            "pbkdf2:sha256$salt$0123456789abcdef0123456789abcdef | must name its digest and iterations",
            "pbkdf2:md5:1000$salt$0123456789abcdef0123456789abcdef | unsupported pbkdf2 digest",
            "pbkdf2:sha256:0$salt$0123456789abcdef0123456789abcdef | iterations must be an integer of at least 1",
            "pbkdf2:sha256:20000000$salt$0123456789abcdef0123456789abcdef | above 5,000,000",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ | malformed argon2 PHC string",
            "$argon2id$v=20$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | unsupported argon2 version",
            "$argon2id$v=19$m=65536,t=2,p=1,keyid=abc$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | malformed argon2 PHC string",
            "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | argon2 memory above 256 MiB",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | salt shorter than 8 bytes",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C | hash is not valid base64"})
    void explainsWhyAHashCannotBeImportedWithoutQuotingIt(String hash, String reason) {
        assertRefusedWithoutQuoting(hash, reason);
    }

    /** The server's limits too (HashCostLimits): a hash past them would be a CPU or memory bomb at every login. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$2b$17$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW | bcrypt cost must be between 04 and 16",
            "$2b$31$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW | bcrypt cost must be between 04 and 16",
            "scrypt:32768:8:262143$salt$0123456789abcdef0123456789abcdef | more than 256 MiB per login",
            "scrypt:32768:8:9$salt$0123456789abcdef0123456789abcdef | more than 256 MiB per login",
            "scrypt:2:1:1048577$salt$0123456789abcdef0123456789abcdef | more than 256 MiB per login",
            "scrypt:2097152:1:1$salt$0123456789abcdef0123456789abcdef | N must be a power of two from 2 to 1048576",
            "scrypt:1:1:1$salt$0123456789abcdef0123456789abcdef | scrypt N must be an integer of at least 2",
            "pbkdf2:sha256:10000000$salt$0123456789abcdef0123456789abcdef | pbkdf2 iterations above 5,000,000",
            "pbkdf2:sha256:5000001$salt$0123456789abcdef0123456789abcdef | pbkdf2 iterations above 5,000,000",
            "pbkdf2:sha512:1000$salt$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefab | pbkdf2 digest longer than 64 bytes",
            "$argon2id$v=19$m=1048576,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | argon2 memory above 256 MiB",
            "$argon2id$v=19$m=262145,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | argon2 memory above 256 MiB",
            "$argon2id$v=19$m=65536,t=11,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | argon2 iterations above 10",
            "$argon2id$v=19$m=65536,t=9999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | argon2 iterations above 10",
            "$argon2id$v=19$m=65536,t=2,p=17$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc | argon2 parallelism above 16"})
    void refusesAHashThatWouldCostTheServerTooMuchAtEveryLogin(String hash, String reason) {
        assertRefusedWithoutQuoting(hash, reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$2b$04$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$2b$16$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "scrypt:1048576:2:1$salt$0123456789abcdef0123456789abcdef",
            "scrypt:2:1:1048576$salt$0123456789abcdef0123456789abcdef",
            "scrypt:2:1:1$salt$0123456789abcdef0123456789abcdef",
            "pbkdf2:sha256:1$salt$0123456789abcdef0123456789abcdef",
            "pbkdf2:sha256:5000000$salt$0123456789abcdef0123456789abcdef",
            "pbkdf2:sha512:1000$salt$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "$argon2id$v=19$m=262144,t=10,p=16$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"})
    void acceptsAHashRightAtTheCostLimits(String hash) throws Exception {
        assertThat(PasswordHashes.toCredential(hash).algorithm()).isNotBlank();
    }

    @Test
    void refusesAnEmptyHash() {
        assertThatThrownBy(() -> PasswordHashes.toCredential("")).hasMessage("empty");
    }

    @Test
    void neverShowsTheSecretInToString() throws Exception {
        ImportedCredential credential = PasswordHashes.toCredential(
                "$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi");

        assertThat(credential.toString()).doesNotContain("N9qo8uLO").contains("bcrypt");
    }

    private static void assertRefusedWithoutQuoting(String hash, String reason) {
        assertThatThrownBy(() -> PasswordHashes.toCredential(hash))
                .isInstanceOf(UnsupportedHashException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(hash.substring(hash.length() - 12)));
    }

    private static boolean keycloakArgon2Verify(String password, ImportedCredential credential) throws Exception {
        JsonNode data = MAPPER.readTree(credential.credentialData());
        JsonNode parameters = data.get("additionalParameters");
        JsonNode secret = MAPPER.readTree(credential.secretData());
        int type = switch (parameters.get("type").get(0).asText()) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        int version = parameters.get("version").get(0).asText().equals("1.3")
                ? Argon2Parameters.ARGON2_VERSION_13 : Argon2Parameters.ARGON2_VERSION_10;
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withSalt(Base64.getMimeDecoder().decode(secret.get("salt").asText()))
                .withParallelism(Integer.parseInt(parameters.get("parallelism").get(0).asText()))
                .withMemoryAsKB(Integer.parseInt(parameters.get("memory").get(0).asText()))
                .withIterations(data.get("hashIterations").asInt())
                .build());
        byte[] out = new byte[Integer.parseInt(parameters.get("hashLength").get(0).asText())];
        generator.generateBytes(password.toCharArray(), out);
        return Base64.getEncoder().encodeToString(out).equals(secret.get("value").asText());
    }
}
