package io.customerauth.keycloak.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;

/**
 * The customer-auth JSON API of one realm, mounted at {@code /realms/{realm}/auth}.
 */
public final class CustomerAuthResource {

    private final KeycloakSession session;
    private final PackInfo packInfo;

    CustomerAuthResource(KeycloakSession session, PackInfo packInfo) {
        this.session = session;
        this.packInfo = packInfo;
    }

    @GET
    @Path("version{slash: /?}")
    @Produces(MediaType.APPLICATION_JSON)
    public PackInfo version() {
        return packInfo;
    }
}
