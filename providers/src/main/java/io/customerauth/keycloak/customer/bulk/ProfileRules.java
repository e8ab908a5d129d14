package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributeRequired;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.Validators;
import org.keycloak.validate.validators.EmailValidator;
import org.keycloak.utils.EmailValidationUtil;

import io.customerauth.keycloak.customer.UniqueCustomerIdValidator;

/**
 * The realm's user-profile rules, read once per batch and applied to each customer directly: for every attribute the
 * profile declares, "required" (for admins) and each configured validator (length, syntax, characters, options,
 * pattern). Building a user profile per customer and running its validation cost more than a quarter of a batch's
 * time; the rules are the same. Left out are the uniqueness checks (customer_id's {@value UniqueCustomerIdValidator#ID}
 * and the profile's built-in duplicate username / email checks), which the batch answers for all its customers with
 * one lookup. A validator that cannot run outside a user profile makes that attribute go through the profile instead:
 * slower, same verdict. Within a batch the verdict on a value is kept: countries, languages and names repeat.
 */
final class ProfileRules {

    private static final String ADMIN = "admin";

    private final KeycloakSession session;
    private final UserProfileProvider profiles;
    private final Map<String, AttributeRule> rules;
    /** The errors found for an attribute's values ({@code name}, NUL, values), for the rest of the batch. */
    private final Map<String, List<String>> verdicts = new HashMap<>();

    private record Check(Validator validator, ValidatorConfig config) {
    }

    /** @param checks {@code null} when a configured validator is unknown here: the profile then validates it */
    private record AttributeRule(boolean required, List<Check> checks) {
    }

    private ProfileRules(KeycloakSession session, UserProfileProvider profiles, Map<String, AttributeRule> rules) {
        this.session = session;
        this.profiles = profiles;
        this.rules = rules;
    }

    static ProfileRules of(KeycloakSession session) {
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        UPConfig config = profiles.getConfiguration();
        Map<String, AttributeRule> rules = new LinkedHashMap<>();
        for (UPAttribute attribute : config.getAttributes()) {
            rules.put(attribute.getName(), new AttributeRule(requiredForAdmins(attribute.getRequired()),
                    checks(session, attribute)));
        }
        return new ProfileRules(session, profiles, rules);
    }

    /** Adds {@code name: reason} to {@code errors} for each rule the customer's attributes break. */
    void validate(Map<String, List<String>> attributes, List<String> errors) {
        for (Map.Entry<String, AttributeRule> rule : rules.entrySet()) {
            String name = rule.getKey();
            List<String> values = attributes.getOrDefault(name, List.of());
            if (values.isEmpty()) {
                if (rule.getValue().required()) {
                    errors.add(name + ": error-user-attribute-required");
                }
                continue;
            }
            if (rule.getValue().checks() == null || !validateDirectly(name, values, rule.getValue().checks(), errors)) {
                profiles.create(UserProfileContext.USER_API, attributes).getAttributes()
                        .validate(name, error -> errors.add(name + ": " + error.getMessage()));
            }
        }
    }

    /** False when a validator could not run outside a user profile (nothing is added then). */
    private boolean validateDirectly(String name, List<String> values, List<Check> checks, List<String> errors) {
        String key = name + '\u0000' + String.join("\u0000", values);
        List<String> known = verdicts.get(key);
        if (known != null) {
            errors.addAll(known);
            return true;
        }
        ValidationContext context = new ValidationContext(session);
        try {
            for (Check check : checks) {
                check.validator().validate(values, name, context, check.config());
            }
        } catch (RuntimeException needsTheProfile) {
            return false;
        }
        List<String> found = context.getErrors().stream().map(error -> name + ": " + error.getMessage()).toList();
        verdicts.put(key, found);
        errors.addAll(found);
        return true;
    }

    private static List<Check> checks(KeycloakSession session, UPAttribute attribute) {
        List<Check> checks = new ArrayList<>();
        Map<String, Map<String, Object>> validations = attribute.getValidations() == null ? Map.of()
                : attribute.getValidations();
        for (Map.Entry<String, Map<String, Object>> validation : validations.entrySet()) {
            if (validation.getKey().equals(UniqueCustomerIdValidator.ID)) {
                continue;
            }
            Validator validator = Validators.validator(session, validation.getKey());
            if (validator == null) {
                return null;
            }
            Map<String, Object> config = validation.getValue() == null ? Map.of() : validation.getValue();
            checks.add(new Check(validator, new ValidatorConfig(withServerDefaults(validation.getKey(), config))));
        }
        return checks;
    }

    /**
     * An email validator without its own local-part limit reads the server's
     * ({@code spi-user-profile--declarative-user-profile--max-email-local-part-length}) from Keycloak's configuration at
     * every call: 16% of Keycloak's CPU in a 1,000,000-record import. Read once per batch instead, same value.
     */
    static Map<String, Object> withServerDefaults(String validatorId, Map<String, Object> config) {
        if (!EmailValidator.ID.equals(validatorId) || config.containsKey(EmailValidator.MAX_LOCAL_PART_LENGTH_PROPERTY)) {
            return config;
        }
        Map<String, Object> withLimit = new HashMap<>(config);
        withLimit.put(EmailValidator.MAX_LOCAL_PART_LENGTH_PROPERTY, Config.scope("user-profile",
                "declarative-user-profile").getInt(EmailValidationUtil.MAX_EMAIL_LOCAL_PART_LENGTH,
                EmailValidationUtil.MAX_LOCAL_PART_LENGTH));
        return withLimit;
    }

    /** Required of an admin writing the user: always, or for the admin role, in no particular scope. */
    private static boolean requiredForAdmins(UPAttributeRequired required) {
        if (required == null) {
            return false;
        }
        Set<String> roles = required.getRoles();
        Set<String> scopes = required.getScopes();
        return (scopes == null || scopes.isEmpty()) && (roles == null || roles.isEmpty() || roles.contains(ADMIN));
    }
}
