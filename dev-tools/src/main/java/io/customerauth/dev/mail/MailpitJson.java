package io.customerauth.dev.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mails as Mailpit's API v1 shows them ({@code /api/v1/messages}, {@code /api/v1/message/{ID}}), the fields
 * scripts and tests read: a script written against docker-compose.yml's Mailpit reads bin/dev's catcher too, and the
 * catcher stands in for Mailpit where no registry can be reached (containers/stand-ins/).
 */
final class MailpitJson {

    private static final Pattern NAMED_ADDRESS = Pattern.compile("\\s*\"?(.*?)\"?\\s*<([^>]*)>\\s*");
    private static final int SNIPPET_LENGTH = 250;

    private MailpitJson() {
    }

    static String list(List<ReceivedMail> newestFirst) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", newestFirst.size());
        page.put("count", newestFirst.size());
        page.put("start", 0);
        page.put("messages", newestFirst.stream().map(MailpitJson::summary).toList());
        return MailJson.write(page);
    }

    static String one(ReceivedMail mail) {
        Map<String, Object> message = summary(mail);
        message.remove("Snippet");
        message.put("Date", message.remove("Created"));
        message.put("Text", mail.text());
        message.put("HTML", mail.html());
        return MailJson.write(message);
    }

    private static Map<String, Object> summary(ReceivedMail mail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", Integer.toString(mail.id()));
        fields.put("From", address(mail.from()));
        fields.put("To", mail.to().stream().map(MailpitJson::address).toList());
        fields.put("Subject", mail.subject());
        fields.put("Created", mail.date() == null ? null : mail.date().toString());
        String text = mail.text().strip();
        fields.put("Snippet", text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH));
        return fields;
    }

    /** {@code Customer Auth <no-reply@x>} as Mailpit's {@code {"Name":"Customer Auth","Address":"no-reply@x"}}. */
    static Map<String, String> address(String header) {
        Map<String, String> address = new LinkedHashMap<>();
        Matcher named = NAMED_ADDRESS.matcher(header);
        if (named.matches()) {
            address.put("Name", named.group(1));
            address.put("Address", named.group(2).strip());
        } else {
            address.put("Name", "");
            address.put("Address", header.strip());
        }
        return address;
    }
}
