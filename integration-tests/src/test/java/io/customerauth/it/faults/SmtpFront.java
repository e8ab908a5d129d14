package io.customerauth.it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * What Keycloak's SMTP port really reaches: a relay on loopback in front of the mail server that passes mail through,
 * slows every message down (each reply of the server held back, so that one message takes about the set time), or
 * is down (nothing listens: connection refused), switched while the nodes run.
 */
final class SmtpFront implements AutoCloseable {

    enum Mode { PASS, SLOW, DOWN }

    /** Replies of one message: greeting, EHLO, MAIL, RCPT, DATA, end of data, QUIT. */
    private static final int REPLIES_PER_MESSAGE = 7;

    private final int port;
    private final int upstreamPort;
    private final Duration slowPerMessage;
    private volatile Mode mode = Mode.PASS;
    private volatile ServerSocket listener;

    private SmtpFront(int port, int upstreamPort, Duration slowPerMessage) {
        this.port = port;
        this.upstreamPort = upstreamPort;
        this.slowPerMessage = slowPerMessage;
    }

    static SmtpFront start(int upstreamPort, Duration slowPerMessage) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SmtpFront front = new SmtpFront(port, upstreamPort, slowPerMessage);
        front.listen();
        return front;
    }

    int port() {
        return port;
    }

    Mode mode() {
        return mode;
    }

    /** Switches the mode; {@link Mode#DOWN} closes the port, any other opens it again. */
    synchronized void mode(Mode newMode) throws IOException {
        if (newMode == Mode.DOWN && listener != null) {
            listener.close();
            listener = null;
        } else if (newMode != Mode.DOWN && listener == null) {
            listen();
        }
        mode = newMode;
    }

    private void listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = socket;
        Relay.acceptEach(socket, "smtp-front", this::relay);
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            Thread up = new Thread(() -> pump(client, server, false), "smtp-front-up");
            up.setDaemon(true);
            up.start();
            pump(server, client, mode == Mode.SLOW);
            up.join(5_000);
        } catch (IOException | InterruptedException ended) {
            // the connection ended; the mail client sees it as the mail server would show it
        }
    }

    /** Copies bytes; slowed, each reply line that ends a reply ({@code "250 "}, not {@code "250-"}) waits first. */
    private void pump(Socket from, Socket to, boolean slowed) {
        long holdMillis = slowPerMessage.toMillis() / REPLIES_PER_MESSAGE;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                line.append((char) b);
                if (b == '\n') {
                    if (slowed && line.length() > 3 && line.charAt(3) == ' ') {
                        Thread.sleep(holdMillis);
                    }
                    out.write(line.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.flush();
                    line.setLength(0);
                }
            }
            if (!line.isEmpty()) {
                out.write(line.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException ended) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        ServerSocket current = listener;
        if (current != null) {
            current.close();
        }
    }
}
