package io.customerauth.keycloak.resetcode;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PolicyError;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** Turns a password-policy refusal into the sentence Keycloak's own login pages show for it. */
final class PolicyMessages {

    private final KeycloakSession session;

    PolicyMessages(KeycloakSession session) {
        this.session = session;
    }

    String format(PolicyError error) {
        String pattern = error.getMessage();
        try {
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getMessages(Locale.ENGLISH);
            pattern = messages.getProperty(error.getMessage(), error.getMessage());
        } catch (IOException e) {
            // fall back to the message key, which still names the rule
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(error.getParameters());
    }
}
