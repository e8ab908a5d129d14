package io.customerauth.it.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.customerauth.common.customer.CustomerAttributes;

/**
 * The pack's bulk endpoint as the import tool calls it: a customer as the user representation the tool sends, and a
 * batch of them posted.
 */
public final class BulkEndpoint {

    public static final String PATH = "/admin/realms/customers/customer-import/users";

    private BulkEndpoint() {
    }

    /** Posts the users with the tool's {@code ifResourceExists}; the answer as it came. */
    public static Api.Response post(Api api, String token, List<Map<String, Object>> users) {
        return api.request("POST", "").at(api.url(PATH)).bearer(token)
                .json(Map.of("ifResourceExists", "SKIP", "users", users)).send();
    }

    /** A customer never seen: an email made of the prefix and a UUID, a fresh customer_id, in France, in French. */
    public static Map<String, Object> newCustomer(String emailPrefix) {
        return customer(emailPrefix + "-" + UUID.randomUUID() + "@example.test", UUID.randomUUID().toString(), "FR",
                "fr");
    }

    /** The user the tool sends for an export's record: the email is the username, verified, enabled. A mutable map. */
    public static Map<String, Object> customer(String email, String customerId, String country, String language) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", email);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("enabled", true);
        user.put("attributes", Map.of(CustomerAttributes.CUSTOMER_ID, List.of(customerId),
                CustomerAttributes.COUNTRY, List.of(country), CustomerAttributes.LANGUAGE, List.of(language)));
        return user;
    }

    /** The same, with a password credential (a stored hash, or a plain value the endpoint refuses). */
    public static Map<String, Object> customer(String email, String customerId, String country, String language,
                                               Map<String, Object> credential) {
        Map<String, Object> user = customer(email, customerId, country, language);
        user.put("credentials", List.of(credential));
        return user;
    }
}
