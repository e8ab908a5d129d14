package io.customerauth.bench.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm's SMTP server (GreenMail on loopback, in the Gatling JVM). It keeps the latest verification code mailed
 * to each customer, read from the text part as a customer reads it, and counts the mails.
 */
public final class MailSink implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final GreenMail greenMail;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private int read;

    private MailSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailSink start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(FreePort.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailSink(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The latest code mailed to this address, if any arrived. */
    public Optional<String> code(String email) {
        scan();
        return Optional.ofNullable(codes.get(email.toLowerCase(Locale.ROOT)));
    }

    public void forget(String email) {
        codes.remove(email.toLowerCase(Locale.ROOT));
    }

    public synchronized int received() {
        return greenMail.getReceivedMessages().length;
    }

    private synchronized void scan() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (; read < messages.length; read++) {
            try {
                Optional<String> code = text(messages[read]).map(CODE::matcher).filter(Matcher::find)
                        .map(Matcher::group);
                Address[] to = messages[read].getRecipients(Message.RecipientType.TO);
                if (code.isPresent() && to != null && to.length > 0) {
                    codes.put(address(to[0]), code.get());
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
    }

    private static String address(Address address) {
        String text = address.toString().toLowerCase(Locale.ROOT);
        int open = text.indexOf('<');
        return open < 0 ? text : text.substring(open + 1, text.indexOf('>', open));
    }

    private static Optional<String> text(jakarta.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(part.getContent().toString());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = text(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
