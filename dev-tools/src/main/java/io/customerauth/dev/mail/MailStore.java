package io.customerauth.dev.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mails GreenMail has received, read fresh on every call (a dev catcher holds few mails).
 */
public final class MailStore {

    private final GreenMail greenMail;

    public MailStore(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Every mail, the newest first. */
    List<ReceivedMail> newestFirst() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<ReceivedMail> mails = new ArrayList<>(messages.length);
        for (int i = messages.length - 1; i >= 0; i--) {
            mails.add(read(i + 1, messages[i]));
        }
        return mails;
    }

    Optional<ReceivedMail> byId(int id) {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        if (id < 1 || id > messages.length) {
            return Optional.empty();
        }
        return Optional.of(read(id, messages[id - 1]));
    }

    void deleteAll() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("could not delete the mails", e);
        }
    }

    private static ReceivedMail read(int id, MimeMessage message) {
        try {
            return MailReader.read(id, message);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable mail " + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
