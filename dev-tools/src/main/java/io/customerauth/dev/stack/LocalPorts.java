package io.customerauth.dev.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;

/** The ports bin/dev listens on, checked before anything starts, so that a clash is named with its variable. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** Why bin/dev cannot start, when something already listens on one of its ports. */
    public static Optional<String> clash(StackSettings settings) {
        return List.of(new Port(settings.httpPort(), "Keycloak's HTTP port", "KC_HTTP_PORT"),
                        new Port(settings.managementPort(), "Keycloak's management port", "KC_HTTP_MANAGEMENT_PORT"),
                        new Port(settings.smtpPort(), "the mail catcher's SMTP port", "SMTP_PORT"),
                        new Port(settings.mailHttpPort(), "the mail catcher's web port", "MAIL_HTTP_PORT"))
                .stream()
                .filter(Port::inUse)
                .findFirst()
                .map(port -> "port " + port.number() + " (" + port.what() + ") is already in use: is another Keycloak"
                        + " or bin/dev running? Stop it, or set " + port.variable() + " to another port.");
    }

    private record Port(int number, String what, String variable) {
        boolean inUse() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", number), 1000);
                return true;
            } catch (IOException nothingListens) {
                return false;
            }
        }
    }
}
