package io.customerauth.it.logging;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the server's log in the seed's format,
 * {@code [time][remote_addr][request_id][customer_id][path][file][line][level][log_type]: message}, parsed.
 */
public record SeedLine(String time, String remoteAddr, String requestId, String customerId, String path, String file,
                int line, String level, String logType, String message) {

    static final Pattern FORMAT = Pattern.compile("^\\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3})]"
            + "\\[([^\\]]*)]\\[([^\\]]*)]\\[([^\\]]*)]\\[([^\\]]*)]"
            + "\\[([^\\]]*)]\\[(-?\\d+)]\\[([A-Z]+)]\\[([^\\]]*)]: (.*)$");

    static Optional<SeedLine> parse(String raw) {
        Matcher m = FORMAT.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SeedLine(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                Integer.parseInt(m.group(7)), m.group(8), m.group(9), m.group(10)));
    }
}
