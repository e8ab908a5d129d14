package io.customerauth.dev.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON view of the mails, for scripts and tests: {@code /api/messages}.
 */
final class MailJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MailJson() {
    }

    static String list(List<ReceivedMail> mails) {
        return write(mails.stream().map(MailJson::fields).toList());
    }

    static String one(ReceivedMail mail) {
        return write(fields(mail));
    }

    private static Map<String, Object> fields(ReceivedMail mail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", mail.id());
        fields.put("from", mail.from());
        fields.put("to", mail.to());
        fields.put("subject", mail.subject());
        fields.put("date", mail.date() == null ? null : mail.date().toString());
        fields.put("text", mail.text());
        fields.put("html", mail.html());
        return fields;
    }

    /** One JSON writer for both views of the mails. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
