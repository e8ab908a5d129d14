package io.customerauth.keycloak.api;

import org.keycloak.Config;

/**
 * The API's server-level settings, read once from Keycloak's SPI configuration of this provider
 * ({@code --spi-realm-restapi-extension--auth--<option>} or {@code KC_SPI_REALM_RESTAPI_EXTENSION__AUTH__<OPTION>}),
 * with today's values as defaults, and handed to every part of a request that needs them.
 *
 * @param clientId the realm client whose tokens the API issues and accepts, whose direct-grant flow holds the
 *                 client-version rule and whose Web Origins are the API's CORS origins ({@code client-id})
 */
record ApiSettings(String clientId) {

    static final String CLIENT_ID = "client-id";
    static final ApiSettings DEFAULTS = new ApiSettings("customer-app");

    static ApiSettings from(Config.Scope config) {
        String clientId = config == null ? null : config.get(CLIENT_ID);
        return new ApiSettings(clientId == null || clientId.isBlank() ? DEFAULTS.clientId() : clientId.strip());
    }
}
