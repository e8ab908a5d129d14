package io.customerauth.keycloak.logging;

/**
 * Makes any value safe to put on one log line: CR, LF, tab, every other control character (C0, DEL, C1, which
 * covers the ESC of ANSI sequences), the Unicode line and paragraph separators and the bidirectional overrides
 * are written as escapes ({@code \r}, {@code \n}, {@code \t}, <code>&#92;u001b</code>, ...), and a backslash as
 * {@code \\}, so that an escape in the log always means the character and one log call never makes two lines.
 */
public final class LogText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    /**
     * A value for one bracketed field of the line ({@code [%X{path}]}): escaped, and {@code [} and {@code ]} too
     * (<code>&#92;u005b</code>, <code>&#92;u005d</code>), so a field never ends early and every line splits into
     * the same fields.
     */
    public static String escapeField(CharSequence value) {
        String escaped = escape(value);
        if (escaped == null || (escaped.indexOf('[') < 0 && escaped.indexOf(']') < 0)) {
            return escaped;
        }
        return escaped.replace("[", "\\u005b").replace("]", "\\u005d");
    }

    /** The value with every unsafe character escaped; {@code null} stays {@code null}. */
    public static String escape(CharSequence value) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        int first = 0;
        while (first < length && isSafe(value.charAt(first))) {
            first++;
        }
        if (first == length) {
            return value.toString();
        }
        StringBuilder escaped = new StringBuilder(length + 16).append(value, 0, first);
        for (int i = first; i < length; i++) {
            appendEscaped(escaped, value.charAt(i));
        }
        return escaped.toString();
    }

    static void appendEscaped(StringBuilder out, char c) {
        if (isSafe(c)) {
            out.append(c);
            return;
        }
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            default -> out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
    }

    private static boolean isSafe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return c != '\\';
        }
        return !(c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029'
                || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069'));
    }
}
