package io.customerauth.importer.input;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * The email syntax the tool accepts: an RFC 5322 dot-atom local part of at most 64 ASCII characters, and a domain
 * of at least two dot-separated labels (letters, digits, inner hyphens; international names through IDNA) whose
 * last label is alphabetic or punycode, at most 254 characters in all. Stricter than Keycloak's own check (no
 * quoted local parts, no IP-literal domains, no single-label domains), so whatever passes here passes there too.
 */
final class EmailSyntax {

    static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL_PART = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private EmailSyntax() {
    }

    static boolean isValid(String email) {
        int at = email.lastIndexOf('@');
        if (email.length() > MAX_LENGTH || at < 1 || at > 64 || at == email.length() - 1) {
            return false;
        }
        if (!LOCAL_PART.matcher(email.substring(0, at)).matches()) {
            return false;
        }
        String domain;
        try {
            domain = IDN.toASCII(email.substring(at + 1), 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }
}
