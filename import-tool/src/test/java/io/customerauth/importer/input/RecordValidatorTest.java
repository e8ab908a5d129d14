package io.customerauth.importer.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RecordValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BCRYPT = "$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi";

    private final RecordValidator validator = new RecordValidator();

    @Test
    void acceptsAndNormalizesAValidRecord() {
        ObjectNode record = valid();
        record.put("email", "  Alice.Martin@Example.COM ");
        record.put("customer_id", "8B4A1343-292D-45ED-BA5F-846FA9167EDE");
        record.put("country", "fr");
        record.put("language", "EN");
        record.put("first_name", "Alice");
        record.put("last_name", "Martin-Dupré");
        record.put("password_hash", BCRYPT);

        CustomerRecord customer = accepted(validator.validate(7, record));

        assertThat(customer.index()).isEqualTo(7);
        assertThat(customer.email()).isEqualTo("alice.martin@example.com");
        assertThat(customer.customerId()).isEqualTo("8b4a1343-292d-45ed-ba5f-846fa9167ede");
        assertThat(customer.country()).isEqualTo("FR");
        assertThat(customer.language()).isEqualTo("en");
        assertThat(customer.firstName()).isEqualTo("Alice");
        assertThat(customer.lastName()).isEqualTo("Martin-Dupré");
        assertThat(customer.credential().algorithm()).isEqualTo("bcrypt");
        assertThat(customer.toString()).doesNotContain("N9qo8uLO");
    }

    @Test
    void treatsMissingNullAndBlankOptionalFieldsAsAbsent() {
        ObjectNode record = valid();
        record.putNull("first_name");
        record.put("last_name", "   ");
        record.putNull("password_hash");

        CustomerRecord customer = accepted(validator.validate(0, record));

        assertThat(customer.firstName()).isNull();
        assertThat(customer.lastName()).isNull();
        assertThat(customer.credential()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "customer_id", "country", "language"})
    void rejectsARecordWithoutARequiredField(String field) {
        ObjectNode record = valid();
        record.remove(field);

        assertThat(rejection(validator.validate(4, record))).isEqualTo(field + ": missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "customer_id", "country", "language"})
    void rejectsABlankRequiredField(String field) {
        ObjectNode record = valid();
        record.put(field, " ");

        assertThat(rejection(validator.validate(4, record))).isEqualTo(field + ": missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "customer_id", "country", "language", "first_name", "last_name", "password_hash"})
    void rejectsAFieldThatIsNotAString(String field) {
        ObjectNode record = valid();
        record.put(field, 12);

        assertThat(rejection(validator.validate(4, record))).isEqualTo(field + ": not a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@localhost", "alice@example..com", "alice smith@example.com"})
    void rejectsABadEmail(String email) {
        assertThat(rejection(validator.validate(1, valid().put("email", email))))
                .isEqualTo("email: invalid email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8b4a1343292d45edba5f846fa9167ede", "8b4a1343-292d-45ed-ba5f-846fa9167ed",
        "8b4a1343-292d-45ed-ba5f-846fa9167edg", "{8b4a1343-292d-45ed-ba5f-846fa9167ede}", "1-1-1-1-1", "123"})
    void rejectsACustomerIdThatIsNotAUuid(String customerId) {
        assertThat(rejection(validator.validate(1, valid().put("customer_id", customerId))))
                .isEqualTo("customer_id: not a UUID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "FRA", "F", "UK", "EU", "12"})
    void rejectsACountryThatIsNotIso3166Alpha2(String country) {
        assertThat(rejection(validator.validate(1, valid().put("country", country))))
                .isEqualTo("country: not an ISO 3166-1 alpha-2 code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "eng", "e", "en-GB", "en_US", "zz"})
    void rejectsALanguageThatIsNotIso6391(String language) {
        assertThat(rejection(validator.validate(1, valid().put("language", language))))
                .isEqualTo("language: not an ISO 639-1 code");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"first_name | <script>", "last_name | Smith (admin)", "first_name | a;b"})
    void rejectsANameWithCharactersKeycloakForbids(String field, String name) {
        assertThat(rejection(validator.validate(1, valid().put(field, name))))
                .isEqualTo(field + ": contains characters not allowed in a name");
    }

    @Test
    void rejectsANameLongerThan255Characters() {
        assertThat(rejection(validator.validate(1, valid().put("last_name", "a".repeat(256)))))
                .isEqualTo("last_name: longer than 255 characters");
        accepted(validator.validate(2, valid().put("last_name", "a".repeat(255))));
    }

    @Test
    void rejectsAnUnsupportedPasswordHashWithoutQuotingIt() {
        String reason = rejection(validator.validate(1, valid().put("password_hash", "md5$pepper$5f4dcc3b5aa765d61d8327deb882cf99")));

        assertThat(reason).startsWith("password_hash: unsupported format").doesNotContain("5f4dcc3b", "pepper");
    }

    @Test
    void listsEveryProblemOfARecord() {
        ObjectNode record = valid().put("email", "nope").put("country", "XX");
        record.remove("language");

        assertThat(rejection(validator.validate(1, record)))
                .isEqualTo("email: invalid email address; country: not an ISO 3166-1 alpha-2 code; language: missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"alice@example.com\"", "42", "null"})
    void rejectsARecordThatIsNotAnObject(String json) throws Exception {
        assertThat(rejection(validator.validate(3, MAPPER.readTree(json)))).isEqualTo("record is not a JSON object");
    }

    @Test
    void rejectsALaterRecordWithTheSameEmailInAnyCase() {
        accepted(validator.validate(0, valid()));

        String reason = rejection(validator.validate(5, valid("ALICE@example.com", "00000000-0000-4000-8000-000000000002")));

        assertThat(reason).isEqualTo("email: duplicate of record 0");
    }

    @Test
    void rejectsALaterRecordWithTheSameCustomerIdInAnyCase() {
        accepted(validator.validate(0, valid("alice@example.com", "8b4a1343-292d-45ed-ba5f-846fa9167ede")));

        String reason = rejection(validator.validate(6, valid("bob@example.com", "8B4A1343-292D-45ED-BA5F-846FA9167EDE")));

        assertThat(reason).isEqualTo("customer_id: duplicate of record 0");
    }

    @Test
    void keepsTheKeysOfRejectedRecordsFree() {
        rejection(validator.validate(0, valid().put("country", "XX")));

        accepted(validator.validate(1, valid()));
    }

    @Test
    void aDuplicateEmailDoesNotTakeItsCustomerId() {
        accepted(validator.validate(0, valid("alice@example.com", "00000000-0000-4000-8000-000000000001")));
        rejection(validator.validate(1, valid("alice@example.com", "00000000-0000-4000-8000-000000000002")));

        accepted(validator.validate(2, valid("carol@example.com", "00000000-0000-4000-8000-000000000002")));
    }

    private static ObjectNode valid() {
        return valid("alice@example.com", "8b4a1343-292d-45ed-ba5f-846fa9167ede");
    }

    private static ObjectNode valid(String email, String customerId) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("email", email);
        record.put("customer_id", customerId);
        record.put("country", "FR");
        record.put("language", "fr");
        return record;
    }

    private static CustomerRecord accepted(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        return ((Verdict.Accepted) verdict).customer();
    }

    private static String rejection(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) verdict).reason();
    }

}
