package io.customerauth.it.resetcode;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The slowest SMTP server there is: it accepts connections and never says a word, so every mail Keycloak sends waits
 * on it, holding a thread of the pack's after-response queue, until {@link #release()} hangs up (the sends then fail). The
 * realm's mail server points at it while it is open; {@link #close()} puts the realm's own back.
 */
final class HeldSmtpServer implements AutoCloseable {

    private final RealmResource realm;
    private final Map<String, String> originalSmtp;
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private HeldSmtpServer(RealmResource realm) throws IOException {
        this.realm = realm;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptForever, "held-smtp");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
        RealmRepresentation representation = realm.toRepresentation();
        this.originalSmtp = new HashMap<>(representation.getSmtpServer());
        Map<String, String> smtp = new HashMap<>(originalSmtp);
        smtp.put("host", "127.0.0.1");
        smtp.put("port", Integer.toString(server.getLocalPort()));
        smtp.put("timeout", "120000");
        representation.setSmtpServer(smtp);
        realm.update(representation);
    }

    static HeldSmtpServer pointRealmAt(RealmResource realm) {
        try {
            return new HeldSmtpServer(realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until this many connections are held: that many mails are in the middle of being sent. */
    void awaitHeld(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (held.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + held.size() + " SMTP connection(s) within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Hangs up on every held connection: the mails being sent fail. */
    void release() {
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed by the other side
            }
        }
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        RealmRepresentation representation = realm.toRepresentation();
        representation.setSmtpServer(originalSmtp);
        realm.update(representation);
        release();
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing left to free
        }
    }
}
