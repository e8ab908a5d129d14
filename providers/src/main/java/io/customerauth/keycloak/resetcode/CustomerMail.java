package io.customerauth.keycloak.resetcode;

import io.customerauth.common.customer.CustomerAttributes;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pack's mails, sent through Keycloak's own {@link EmailTemplateProvider} with the realm's email theme, in the
 * customer's {@code language} (when the realm supports it; the realm's default otherwise).
 */
final class CustomerMail implements ResetMail {

    static final String RESET_CODE_TEMPLATE = "customer-reset-code.ftl";
    static final String PASSWORD_CHANGED_TEMPLATE = "customer-password-changed.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;

    CustomerMail(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public void sendResetCode(UserModel user, String code, int lifetimeMinutes) throws EmailException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code);
        attributes.put("lifetimeMinutes", lifetimeMinutes);
        send(user, "customerResetCodeSubject", RESET_CODE_TEMPLATE, attributes);
    }

    @Override
    public void sendPasswordChanged(UserModel user) throws EmailException {
        send(user, "customerPasswordChangedSubject", PASSWORD_CHANGED_TEMPLATE, new HashMap<>());
    }

    /**
     * Sends in the customer's language. With no authentication session, Keycloak's locale selector reads the user's
     * choice from a session attribute: it is set for this send only, and the session's own value comes back after.
     */
    private void send(UserModel user, String subjectKey, String template, Map<String, Object> attributes)
            throws EmailException {
        String language = user.getFirstAttribute(CustomerAttributes.LANGUAGE);
        Object previous = session.getAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE);
        if (language != null) {
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, language);
        }
        try {
            templates(user).send(subjectKey, List.of(), template, attributes);
        } finally {
            if (language != null && previous == null) {
                session.removeAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE);
            } else if (language != null) {
                session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, previous);
            }
        }
    }

    /** What went wrong, for the log: the messages of the exception chain, which never hold the mail's content. */
    static String describe(EmailException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return text.toString();
    }

    /** Keycloak adds its own template attributes to the map it is given, so it must be mutable. */
    private EmailTemplateProvider templates(UserModel user) {
        return session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user);
    }
}
