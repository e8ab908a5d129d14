package io.customerauth.dev.mail;

import java.time.Instant;
import java.util.List;

/**
 * One mail as the catcher shows it. Every text field is untrusted input, exactly as the sender wrote it.
 *
 * @param id      position in arrival order, starting at 1
 * @param from    the From header, decoded ({@code ""} when absent)
 * @param to      the To recipients, decoded
 * @param subject the subject, decoded ({@code ""} when absent)
 * @param date    when the catcher received it, else the Date header, else {@code null}
 * @param text    the text/plain part ({@code ""} when absent)
 * @param html    the text/html part ({@code ""} when absent)
 */
public record ReceivedMail(int id, String from, List<String> to, String subject, Instant date, String text,
                           String html) {

    public ReceivedMail {
        to = List.copyOf(to);
    }

    public boolean hasHtml() {
        return !html.isEmpty();
    }
}
