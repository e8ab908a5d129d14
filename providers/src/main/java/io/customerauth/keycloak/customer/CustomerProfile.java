package io.customerauth.keycloak.customer;

import io.customerauth.common.customer.CustomerAttributes;

import org.keycloak.models.UserModel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer as the API and the tokens show it: {@code country}, {@code customer_id}, {@code email},
 * {@code language}, read from the user's attributes in Keycloak's store ({@link CustomerAttributes}).
 */
public record CustomerProfile(String country, String customerId, String email, String language) {

    /** The key of the email in the contract's USER object and in tokens: Keycloak's own user field, no attribute. */
    public static final String EMAIL = "email";

    public static CustomerProfile of(UserModel user) {
        return new CustomerProfile(user.getFirstAttribute(CustomerAttributes.COUNTRY),
                user.getFirstAttribute(CustomerAttributes.CUSTOMER_ID), user.getEmail(),
                user.getFirstAttribute(CustomerAttributes.LANGUAGE));
    }

    /** The contract's {@code USER} object, keys in the contract's order. */
    public Map<String, String> toJson() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put(CustomerAttributes.COUNTRY, country);
        json.put(CustomerAttributes.CUSTOMER_ID, customerId);
        json.put(EMAIL, email);
        json.put(CustomerAttributes.LANGUAGE, language);
        return json;
    }
}
