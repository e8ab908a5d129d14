package io.customerauth.keycloak.afterresponse;

import org.keycloak.common.ClientConnection;

/**
 * The caller's address, copied out of the request so that events recorded after the answer, in another session,
 * still name the caller.
 */
public record CallerAddress(String remoteAddr, String remoteHost, int remotePort) implements ClientConnection {

    public static CallerAddress of(ClientConnection connection) {
        return new CallerAddress(connection.getRemoteAddr(), connection.getRemoteHost(), connection.getRemotePort());
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public String getRemoteHost() {
        return remoteHost;
    }

    @Override
    public int getRemotePort() {
        return remotePort;
    }
}
