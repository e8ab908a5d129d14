package io.customerauth.it.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The realm's SMTP server: GreenMail in the test JVM. Mails are read per recipient, so tests never see each other's. */
public final class Mailbox implements AutoCloseable {

    private final GreenMail greenMail;

    private Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static Mailbox start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new Mailbox(greenMail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received so far for this address, oldest first. */
    public List<Mail> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isAddressedTo(message, address))
                .map(Mail::of)
                .toList();
    }

    /** Every mail received so far, to anyone (e.g. to check that nothing they carry was logged). */
    public List<Mail> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mail::of).toList();
    }

    /** Waits for the {@code count}-th mail to this address and returns it. */
    public Mail awaitMail(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Mail> mails = to(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail #" + count + " to " + address + " within " + timeout
                        + " (got " + mails.size() + ")");
            }
            sleep();
        }
    }

    public Mail awaitMail(String address) {
        return awaitMail(address, 1, Duration.ofSeconds(30));
    }

    /** Stops accepting mail, as an SMTP outage would; {@link #restart()} brings it back on the same port. */
    public void stop() {
        greenMail.stop();
    }

    public void restart() {
        greenMail.start();
    }

    private static boolean isAddressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(r -> r.toString().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** A received mail, decoded. */
    public record Mail(String from, String subject, String text, String html, String contentLanguage) {

        private static final Pattern CODE = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

        public boolean hasVerificationCode() {
            return CODE.matcher(text).find();
        }

        /** The verification code (a UUID v4) the mail's text carries, as the customer reads it. */
        public String verificationCode() {
            Matcher matcher = CODE.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no UUID v4 code in the mail: " + text);
            }
            return matcher.group();
        }

        static Mail of(MimeMessage message) {
            try {
                return new Mail(message.getFrom()[0].toString(), message.getSubject(),
                        part(message, "text/plain").orElse(""), part(message, "text/html").orElse(""),
                        message.getHeader("Content-Language", ","));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }

        private static Optional<String> part(MimeMessage message, String type) throws MessagingException, IOException {
            if (message.isMimeType(type)) {
                return Optional.of(GreenMailUtil.getBody(message));
            }
            if (message.getContent() instanceof Multipart multipart) {
                return part(multipart, type);
            }
            return Optional.empty();
        }

        private static Optional<String> part(Multipart multipart, String type) throws MessagingException, IOException {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart bodyPart = multipart.getBodyPart(i);
                if (bodyPart.isMimeType(type)) {
                    return Optional.of(bodyPart.getContent().toString());
                }
                if (bodyPart.getContent() instanceof Multipart nested) {
                    Optional<String> found = part(nested, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }
    }
}
