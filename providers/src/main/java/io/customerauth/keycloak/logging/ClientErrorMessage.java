package io.customerauth.keycloak.logging;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The message of a client-error log line, written like the seed wrote it (a Python {@code repr}): a body with
 * field errors logs the errors, {@code {'email': ['Missing data for required field.']}}; a body that is only a
 * {@code message} logs the message; any other body logs the whole body, e.g.
 * {@code {'message': 'This version of the app is no longer supported. Please update it.', 'minimum_version': '2.1.0'}}.
 * Strings are escaped as {@link LogText} does.
 */
public final class ClientErrorMessage {

    private ClientErrorMessage() {
    }

    public static String of(Map<String, ?> body) {
        if (body == null || body.isEmpty()) {
            return "{}";
        }
        Object errors = body.get("errors");
        if (errors instanceof Map<?, ?>) {
            return repr(errors);
        }
        if (body.size() == 1 && body.get("message") instanceof String message) {
            return LogText.escape(message);
        }
        return repr(body);
    }

    /** The value as Python would print it: dicts, lists, quoted strings, numbers, True/False/None. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value, 0);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value, int depth) {
        if (depth > 16) {
            out.append("...");
        } else if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Number n) {
            out.append(LogText.escape(n.toString()));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                appendRepr(out, entry.getKey(), depth + 1);
                out.append(": ");
                appendRepr(out, entry.getValue(), depth + 1);
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            Iterator<?> items = list.iterator();
            while (items.hasNext()) {
                appendRepr(out, items.next(), depth + 1);
                if (items.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else {
            appendString(out, value.toString());
        }
    }

    /** Python's rule: single quotes, unless the text has a single quote and no double quote. */
    private static void appendString(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                out.append('\\').append(c);
            } else {
                LogText.appendEscaped(out, c);
            }
        }
        out.append(quote);
    }
}
