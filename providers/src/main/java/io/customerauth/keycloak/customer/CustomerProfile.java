package io.customerauth.keycloak.customer;

import org.keycloak.models.UserModel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer as the API and the tokens show it: {@code country}, {@code customer_id}, {@code email},
 * {@code language}, read from the user's attributes in Keycloak's store. The one place that knows the attribute names.
 */
public record CustomerProfile(String country, String customerId, String email, String language) {

    public static final String CUSTOMER_ID = "customer_id";
    public static final String COUNTRY = "country";
    public static final String LANGUAGE = "language";
    public static final String EMAIL = "email";

    public static CustomerProfile of(UserModel user) {
        return new CustomerProfile(user.getFirstAttribute(COUNTRY), user.getFirstAttribute(CUSTOMER_ID),
                user.getEmail(), user.getFirstAttribute(LANGUAGE));
    }

    /** The contract's {@code USER} object, keys in the contract's order. */
    public Map<String, String> toJson() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put(COUNTRY, country);
        json.put(CUSTOMER_ID, customerId);
        json.put(EMAIL, email);
        json.put(LANGUAGE, language);
        return json;
    }
}
