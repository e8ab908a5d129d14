package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.WindowLimit.Verdict;
import org.keycloak.models.SingleUseObjectProvider;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The cluster-wide limits on forgot password beside the per-user throttle: requests per client address, and
 * verification-code mails per realm. Keys are the pack's prefix, the realm's id and, for an address, a SHA-256 of
 * it: never raw request input. An IPv6 address counts by its /64, the block one subscriber usually gets.
 */
final class ResetLimits {

    private static final String PREFIX = "customer-auth:reset-limit:";
    private static final Pattern IPV6_LITERAL = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final WindowLimit limit;
    private final String realmId;
    private final ResetCodeSettings settings;

    ResetLimits(SingleUseObjectProvider store, String realmId, ResetCodeSettings settings) {
        this.limit = new WindowLimit(store);
        this.realmId = realmId;
        this.settings = settings;
    }

    Verdict admitRequestFrom(String remoteAddr) {
        return limit.admit(PREFIX + "address:" + realmId + ":" + addressHash(remoteAddr), settings.perAddress());
    }

    Verdict admitMail() {
        return limit.admit(PREFIX + "realm-mail:" + realmId, settings.perRealm());
    }

    static String addressHash(String remoteAddr) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest(subscriber(remoteAddr)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The address's bytes, an IPv6 one cut to its /64; anything unparsable as it is. Never a DNS lookup. */
    private static byte[] subscriber(String remoteAddr) {
        String text = remoteAddr == null ? "" : remoteAddr.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (IPV6_LITERAL.matcher(text).matches()) {
            try {
                // Only hex digits, ':' and '.': the JDK parses it as a literal and never asks DNS.
                InetAddress address = InetAddress.getByName(text);
                if (address instanceof Inet6Address) {
                    return Arrays.copyOf(address.getAddress(), 8);
                }
                text = address.getHostAddress();
            } catch (UnknownHostException notALiteral) {
                // counted by its text
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
