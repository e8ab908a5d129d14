package io.customerauth.dev.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Turns a received MIME message into a {@link ReceivedMail}: decoded headers and the first text and html parts.
 */
final class MailReader {

    private MailReader() {
    }

    static ReceivedMail read(int id, MimeMessage message) throws MessagingException, IOException {
        Bodies bodies = new Bodies();
        collect(message, bodies);
        return new ReceivedMail(
                id,
                String.join(", ", addresses(message.getFrom())),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                message.getSubject() == null ? "" : message.getSubject(),
                date(message),
                bodies.text,
                bodies.html);
    }

    /** When the catcher received it (GreenMail records it), else the sender's Date header, else null. */
    private static Instant date(MimeMessage message) throws MessagingException {
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return date == null ? null : date.toInstant();
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), bodies);
            }
        } else if (part.isMimeType("text/plain") && bodies.text.isEmpty()) {
            bodies.text = content(part);
        } else if (part.isMimeType("text/html") && bodies.html.isEmpty()) {
            bodies.html = content(part);
        }
    }

    private static String content(Part part) throws MessagingException, IOException {
        try {
            return String.valueOf(part.getContent());
        } catch (IOException unsupportedCharset) {
            try (InputStream raw = part.getInputStream()) {
                return new String(raw.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
            }
        }
        return result;
    }

    private static final class Bodies {
        private String text = "";
        private String html = "";
    }
}
