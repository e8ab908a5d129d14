package io.customerauth.keycloak.customer.bulk;

import io.customerauth.common.customer.CustomerAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.Validators;

import io.customerauth.keycloak.customer.UniqueCustomerIdValidator;

/**
 * The validators the realm's user profile configures for username, email and customer_id, read once per batch and
 * run on each customer without the uniqueness checks the batch lookup already answered: Keycloak's built-in duplicate
 * username / email validators (added by the profile itself, never configured) and {@value UniqueCustomerIdValidator#ID}
 * cost a query or more per user. So a customer is held to the same length, syntax and character rules as a user
 * created through Keycloak's admin API. A validator that cannot run outside a user profile makes the attribute go
 * through the profile instead: slower, same verdict.
 */
final class ProfileRules {

    /** The attributes checked here rather than through the profile. */
    static final List<String> ATTRIBUTES = List.of(UserModel.USERNAME, UserModel.EMAIL, CustomerAttributes.CUSTOMER_ID);

    private final KeycloakSession session;
    private final Map<String, Map<String, Map<String, Object>>> validatorsByAttribute;

    private ProfileRules(KeycloakSession session, Map<String, Map<String, Map<String, Object>>> validatorsByAttribute) {
        this.session = session;
        this.validatorsByAttribute = validatorsByAttribute;
    }

    static ProfileRules of(KeycloakSession session, UserProfileProvider profiles) {
        Map<String, Map<String, Map<String, Object>>> validatorsByAttribute = new LinkedHashMap<>();
        for (String name : ATTRIBUTES) {
            UPAttribute attribute = profiles.getConfiguration().getAttribute(name);
            Map<String, Map<String, Object>> validators = new LinkedHashMap<>();
            if (attribute != null && attribute.getValidations() != null) {
                validators.putAll(attribute.getValidations());
            }
            validators.remove(UniqueCustomerIdValidator.ID);
            validatorsByAttribute.put(name, validators);
        }
        return new ProfileRules(session, validatorsByAttribute);
    }

    /** Adds {@code name: reason} to {@code errors} for each rule the attribute's values break. */
    void validate(String name, Attributes attributes, List<String> errors) {
        ValidationContext context = new ValidationContext(session);
        try {
            for (Map.Entry<String, Map<String, Object>> entry : validatorsByAttribute.get(name).entrySet()) {
                Validator validator = Validators.validator(session, entry.getKey());
                if (validator == null) {
                    throw new IllegalStateException("no validator " + entry.getKey());
                }
                validator.validate(attributes.get(name), name, context,
                        new ValidatorConfig(entry.getValue() == null ? Map.of() : entry.getValue()));
            }
        } catch (RuntimeException e) {
            attributes.validate(name, error -> errors.add(name + ": " + error.getMessage()));
            return;
        }
        context.getErrors().forEach(error -> errors.add(name + ": " + error.getMessage()));
    }
}
