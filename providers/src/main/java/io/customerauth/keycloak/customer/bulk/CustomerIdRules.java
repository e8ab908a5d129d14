package io.customerauth.keycloak.customer.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.Validators;

import io.customerauth.keycloak.customer.UniqueCustomerIdValidator;

/**
 * The realm's user-profile validators for customer_id, read once per batch, minus the uniqueness one
 * ({@value UniqueCustomerIdValidator#ID}, a query per user), which the batch lookup already answered. A validator
 * that cannot run outside a user profile makes the whole attribute go through the profile instead: slower, same
 * verdict.
 */
final class CustomerIdRules {

    private final KeycloakSession session;
    private final Map<String, Map<String, Object>> validators;

    private CustomerIdRules(KeycloakSession session, Map<String, Map<String, Object>> validators) {
        this.session = session;
        this.validators = validators;
    }

    static CustomerIdRules of(KeycloakSession session, UserProfileProvider profiles) {
        UPAttribute attribute = profiles.getConfiguration().getAttribute(ImportedCustomer.CUSTOMER_ID);
        Map<String, Map<String, Object>> validators = new LinkedHashMap<>();
        if (attribute != null && attribute.getValidations() != null) {
            validators.putAll(attribute.getValidations());
        }
        validators.remove(UniqueCustomerIdValidator.ID);
        return new CustomerIdRules(session, validators);
    }

    void validate(String customerId, Attributes attributes, List<String> errors) {
        ValidationContext context = new ValidationContext(session);
        try {
            for (Map.Entry<String, Map<String, Object>> entry : validators.entrySet()) {
                Validator validator = Validators.validator(session, entry.getKey());
                if (validator == null) {
                    throw new IllegalStateException("no validator " + entry.getKey());
                }
                validator.validate(List.of(customerId), ImportedCustomer.CUSTOMER_ID, context,
                        new ValidatorConfig(entry.getValue() == null ? Map.of() : entry.getValue()));
            }
        } catch (RuntimeException e) {
            attributes.validate(ImportedCustomer.CUSTOMER_ID,
                    error -> errors.add(ImportedCustomer.CUSTOMER_ID + ": " + error.getMessage()));
            return;
        }
        context.getErrors().forEach(error -> errors.add(ImportedCustomer.CUSTOMER_ID + ": " + error.getMessage()));
    }
}
