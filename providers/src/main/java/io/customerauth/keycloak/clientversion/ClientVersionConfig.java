package io.customerauth.keycloak.clientversion;

import org.keycloak.models.AuthenticatorConfigModel;

import java.util.Map;

/** The typed view of the authenticator's configuration in the admin console, with its defaults. */
public record ClientVersionConfig(ClientVersion minimum) {

    public static final String MINIMUM_VERSION = "minimum_version";
    public static final ClientVersion DEFAULT_MINIMUM = new ClientVersion(2, 1, 0);
    public static final ClientVersionConfig DEFAULT = new ClientVersionConfig(DEFAULT_MINIMUM);

    public static ClientVersionConfig of(AuthenticatorConfigModel model) {
        return of(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    /** A missing or unreadable setting falls back to the default rather than locking every client out. */
    public static ClientVersionConfig of(Map<String, String> config) {
        return ClientVersion.parse(config.get(MINIMUM_VERSION))
                .map(ClientVersionConfig::new)
                .orElse(DEFAULT);
    }
}
