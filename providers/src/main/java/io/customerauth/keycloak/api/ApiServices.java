package io.customerauth.keycloak.api;

import io.customerauth.keycloak.apidocs.ApiDocsPage;

import java.util.Optional;

import io.customerauth.keycloak.clientversion.VersionRefusals;
import io.customerauth.keycloak.resetcode.ResetCodeOutcomes;

/**
 * What the API's factory builds once at start and every request shares: the server-level settings, the pack's name
 * and version, the OpenAPI document, the meters of the API, of refused client versions and of reset codes, and the
 * API page where the server turns it on.
 */
record ApiServices(ApiSettings settings, PackInfo packInfo, OpenApiDocument openApi, ApiMetrics metrics,
                   VersionRefusals versionRefusals, ResetCodeOutcomes resetCodeOutcomes,
                   Optional<ApiDocsPage> apiDocs) {
}
