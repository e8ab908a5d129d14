package io.customerauth.keycloak.api;

import org.keycloak.Config;

/**
 * The API's server-level settings, read once from Keycloak's SPI configuration of this provider
 * ({@code --spi-realm-restapi-extension--auth--<option>} or {@code KC_SPI_REALM_RESTAPI_EXTENSION__AUTH__<OPTION>}),
 * with today's values as defaults, and handed to every part of a request that needs them.
 *
 * @param clientId    the realm client whose tokens the API issues and accepts, whose direct-grant flow holds the
 *                    client-version rule and whose Web Origins are the API's CORS origins ({@code client-id})
 * @param docsEnabled whether every realm serves the API page at {@code /realms/{realm}/auth/docs}
 *                    ({@code docs}; not {@code docs-enabled}: Keycloak takes an SPI option whose name ends in
 *                    {@code -enabled} for a build option); off unless a server turns it on, see docs/api.md
 */
record ApiSettings(String clientId, boolean docsEnabled) {

    static final String CLIENT_ID = "client-id";
    static final String DOCS = "docs";
    static final ApiSettings DEFAULTS = new ApiSettings("customer-app", false);

    static ApiSettings from(Config.Scope config) {
        String clientId = config == null ? null : config.get(CLIENT_ID);
        boolean docsEnabled = config != null && config.getBoolean(DOCS, DEFAULTS.docsEnabled());
        return new ApiSettings(clientId == null || clientId.isBlank() ? DEFAULTS.clientId() : clientId.strip(),
                docsEnabled);
    }
}
