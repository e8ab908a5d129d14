package io.customerauth.it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback, as a deployment puts one in front of its nodes: each new connection goes to the
 * next node in turn, or to the other one when that node refuses it. A connection to a node that dies breaks, as
 * it would behind a real balancer; the client's retry gets a new connection to a live node.
 */
final class LoopbackBalancer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Integer> backends;
    private final AtomicInteger turn = new AtomicInteger();

    private LoopbackBalancer(ServerSocket listener, List<Integer> backends) {
        this.listener = listener;
        this.backends = List.copyOf(backends);
    }

    static LoopbackBalancer start(List<Integer> backendPorts) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        LoopbackBalancer balancer = new LoopbackBalancer(listener, backendPorts);
        Relay.acceptEach(listener, "balancer", balancer::relay);
        return balancer;
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void relay(Socket client) {
        try (client; Socket backend = connect()) {
            Thread up = new Thread(() -> pump(client, backend), "balancer-up");
            up.setDaemon(true);
            up.start();
            pump(backend, client);
            up.join(5_000);
        } catch (IOException | InterruptedException ended) {
            // no node took it, or one side closed: the client sees a broken connection
        }
    }

    private Socket connect() throws IOException {
        int first = Math.floorMod(turn.getAndIncrement(), backends.size());
        IOException refused = null;
        for (int i = 0; i < backends.size(); i++) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), backends.get((first + i) % backends.size()));
            } catch (IOException e) {
                refused = e;
            }
        }
        throw refused;
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException ended) {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // both are being closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
