package io.customerauth.importer.input;

import io.customerauth.common.customer.CustomerAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.customerauth.importer.hash.ImportedCredential;
import io.customerauth.importer.hash.PasswordHashes;
import io.customerauth.importer.hash.UnsupportedHashException;

/**
 * Validates records in file order and remembers the emails and customer ids it accepted, so that a later record
 * repeating one (in any letter case) is rejected as a duplicate; the first occurrence wins. It also remembers every
 * well-formed customer_id the file holds, valid record or not, so that a customer of the realm can be told missing
 * from the export ({@link #mentions}). Rejection reasons name the field and the rule, never the value. Not
 * thread-safe: one validator per file.
 */
public final class RecordValidator {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Keycloak's person-name-prohibited-characters rule, which the realm's user profile applies to names. */
    private static final Pattern PERSON_NAME = Pattern.compile("[^<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]+");
    private static final int MAX_NAME_LENGTH = 255;

    private final SeenKeys emails = new SeenKeys();
    private final SeenKeys customerIds = new SeenKeys();
    private final SeenKeys mentioned = new SeenKeys();

    public Verdict validate(long index, JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Verdict.Rejected(index, "record is not a JSON object");
        }
        List<String> errors = new ArrayList<>();
        Fields fields = new Fields(node, errors);

        String email = fields.required("email");
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!EmailSyntax.isValid(email)) {
                errors.add("email: invalid email address");
                email = null;
            }
        }
        String customerId = fields.required(CustomerAttributes.CUSTOMER_ID);
        if (customerId != null) {
            customerId = customerId.toLowerCase(Locale.ROOT);
            if (!UUID.matcher(customerId).matches()) {
                errors.add("customer_id: not a UUID");
                customerId = null;
            } else {
                mentioned.putIfAbsent(customerId, index);
            }
        }
        String country = fields.required(CustomerAttributes.COUNTRY);
        if (country != null && (country = IsoCodes.country(country)) == null) {
            errors.add("country: not an ISO 3166-1 alpha-2 code");
        }
        String language = fields.required(CustomerAttributes.LANGUAGE);
        if (language != null && (language = IsoCodes.language(language)) == null) {
            errors.add("language: not an ISO 639-1 code");
        }
        String firstName = name(fields, "first_name", errors);
        String lastName = name(fields, "last_name", errors);
        ImportedCredential credential = credential(fields, errors);

        if (!errors.isEmpty()) {
            return new Verdict.Rejected(index, String.join("; ", errors));
        }
        return deduplicated(new CustomerRecord(index, email, customerId, country, language, firstName, lastName,
                credential));
    }

    /** Whether a record read so far, valid or not, has this customer_id (compared in lower case). */
    public boolean mentions(String customerId) {
        return mentioned.contains(customerId.toLowerCase(Locale.ROOT));
    }

    /** Records the keys of an otherwise valid record, or rejects it when one was already taken. */
    private Verdict deduplicated(CustomerRecord customer) {
        long firstEmail = emails.putIfAbsent(customer.email(), customer.index());
        if (firstEmail >= 0) {
            return new Verdict.Rejected(customer.index(), "email: duplicate of record " + firstEmail);
        }
        long firstId = customerIds.putIfAbsent(customer.customerId(), customer.index());
        if (firstId >= 0) {
            return new Verdict.Rejected(customer.index(), "customer_id: duplicate of record " + firstId);
        }
        return new Verdict.Accepted(customer);
    }

    private static String name(Fields fields, String field, List<String> errors) {
        String name = fields.optional(field);
        if (name == null) {
            return null;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            errors.add(field + ": longer than " + MAX_NAME_LENGTH + " characters");
        } else if (!PERSON_NAME.matcher(name).matches()) {
            errors.add(field + ": contains characters not allowed in a name");
        }
        return name;
    }

    private static ImportedCredential credential(Fields fields, List<String> errors) {
        String hash = fields.optional("password_hash");
        if (hash == null) {
            return null;
        }
        try {
            return PasswordHashes.toCredential(hash);
        } catch (UnsupportedHashException e) {
            errors.add("password_hash: " + e.getMessage());
            return null;
        }
    }

    /** Reads string fields: trimmed, {@code null} / missing / blank meaning absent, anything but a string an error. */
    private record Fields(JsonNode node, List<String> errors) {

        String required(String field) {
            String value = optional(field);
            if (value == null && !wrongType(field)) {
                errors.add(field + ": missing");
            }
            return value;
        }

        String optional(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                errors.add(field + ": not a string");
                return null;
            }
            String text = value.textValue().strip();
            return text.isEmpty() ? null : text;
        }

        private boolean wrongType(String field) {
            JsonNode value = node.get(field);
            return value != null && !value.isNull() && !value.isTextual();
        }
    }
}
