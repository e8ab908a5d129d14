package io.customerauth.it.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** The accept loop of the suite's loopback relays: each connection handled on a daemon thread of its own. */
final class Relay {

    private Relay() {
    }

    /** Accepts connections until the socket is closed, on a daemon thread named {@code name}. */
    static void acceptEach(ServerSocket listener, String name, Consumer<Socket> handler) {
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket connection = listener.accept();
                    Thread handle = new Thread(() -> handler.accept(connection), name + "-connection");
                    handle.setDaemon(true);
                    handle.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, name + "-accept");
        accept.setDaemon(true);
        accept.start();
    }
}
