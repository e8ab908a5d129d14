package io.customerauth.importer.keycloak;

import io.customerauth.common.customer.CustomerAttributes;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.customerauth.importer.input.CustomerRecord;

/**
 * The request body both writers send: a {@code PartialImportRepresentation} with {@code ifResourceExists: SKIP}
 * and one {@code UserRepresentation} per customer (username = email, verified, enabled, the customer attributes,
 * and the password credential as Keycloak's own credentialData / secretData strings).
 */
final class UserPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UserPayload() {
    }

    static byte[] body(List<CustomerRecord> customers) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("ifResourceExists", "SKIP");
        ArrayNode users = body.putArray("users");
        customers.forEach(customer -> users.add(user(customer)));
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the batch as JSON", e);
        }
    }

    static ObjectNode user(CustomerRecord customer) {
        ObjectNode user = MAPPER.createObjectNode();
        user.put("username", customer.email());
        user.put("email", customer.email());
        user.put("emailVerified", true);
        user.put("enabled", true);
        if (customer.firstName() != null) {
            user.put("firstName", customer.firstName());
        }
        if (customer.lastName() != null) {
            user.put("lastName", customer.lastName());
        }
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray(CustomerAttributes.CUSTOMER_ID).add(customer.customerId());
        attributes.putArray(CustomerAttributes.COUNTRY).add(customer.country());
        attributes.putArray(CustomerAttributes.LANGUAGE).add(customer.language());
        if (customer.credential() != null) {
            ObjectNode credential = user.putArray("credentials").addObject();
            credential.put("type", "password");
            credential.put("credentialData", customer.credential().credentialData());
            credential.put("secretData", customer.credential().secretData());
        }
        return user;
    }
}
