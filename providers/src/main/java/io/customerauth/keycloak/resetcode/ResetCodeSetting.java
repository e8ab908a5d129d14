package io.customerauth.keycloak.resetcode;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One setting of forgot/reset password, as it shows in the settings of the *Verification code by email* step
 * (Authentication, customer reset credentials). A value the step's settings lack or cannot be read falls back to the
 * realm attribute that held the setting before the step existed (so realms set up that way keep their values), then
 * to the default; a value below the minimum counts as the minimum.
 */
enum ResetCodeSetting {

    CODE_LIFETIME_SECONDS("codeLifetimeSeconds", "Code lifetime (seconds)",
            "How long a mailed verification code stays usable.", 600, 1,
            "actionTokenGeneratedByUserLifespan." + ResetCodeSettings.LIFETIME_ACTION),
    MAX_ATTEMPTS("maxAttempts", "Wrong codes allowed",
            "Wrong codes a verification code survives; the last one kills it and the customer asks for a new one.",
            5, 1, "customerAuth.resetCode.maxAttempts"),
    THROTTLE_SECONDS("throttleSeconds", "One code mail per user per (seconds)",
            "A customer gets at most one code mail in this time, however often they ask. 0 turns it off.",
            60, 0, "customerAuth.resetCode.throttleSeconds"),
    REQUESTS_PER_ADDRESS("requestsPerAddress", "Requests per client address",
            "Forgot-password requests one client address may make per window (an IPv6 address counts by its /64),"
                    + " across the cluster. 0 turns the limit off.",
            10, 0, "customerAuth.resetCode.requestsPerAddress"),
    ADDRESS_WINDOW_SECONDS("addressWindowSeconds", "Window of the address limit (seconds)",
            "The fixed window the requests per client address are counted in.",
            600, 1, "customerAuth.resetCode.addressWindowSeconds"),
    MAILS_PER_REALM("mailsPerRealm", "Code mails per realm",
            "Verification-code mails the realm may send per window, across the cluster: protects the sender's"
                    + " reputation and the mail provider's quota. 0 turns the limit off.",
            300, 0, "customerAuth.resetCode.mailsPerRealm"),
    REALM_WINDOW_SECONDS("realmWindowSeconds", "Window of the realm mail limit (seconds)",
            "The fixed window the code mails per realm are counted in.",
            60, 1, "customerAuth.resetCode.realmWindowSeconds");

    private final String key;
    private final String label;
    private final String helpText;
    private final int defaultValue;
    private final int minimum;
    private final String fallbackAttribute;

    ResetCodeSetting(String key, String label, String helpText, int defaultValue, int minimum,
                     String fallbackAttribute) {
        this.key = key;
        this.label = label;
        this.helpText = helpText;
        this.defaultValue = defaultValue;
        this.minimum = minimum;
        this.fallbackAttribute = fallbackAttribute;
    }

    /** The name under which the step's settings store it. */
    String key() {
        return key;
    }

    /** The realm attribute read when the step's settings do not have it. */
    String fallbackAttribute() {
        return fallbackAttribute;
    }

    int defaultValue() {
        return defaultValue;
    }

    int read(Map<String, String> stepConfig, RealmModel realm) {
        int value = parse(stepConfig.get(key))
                .or(() -> parse(realm.getAttribute(fallbackAttribute)))
                .orElse(defaultValue);
        return Math.max(minimum, value);
    }

    /** The settings form of the step in the admin console, in this order. */
    static List<ProviderConfigProperty> configProperties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        Arrays.stream(values()).forEach(setting -> builder.property()
                .name(setting.key)
                .label(setting.label)
                .helpText(setting.helpText + " Default: " + setting.defaultValue + ".")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(setting.defaultValue))
                .add());
        return builder.build();
    }

    private static Optional<Integer> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
