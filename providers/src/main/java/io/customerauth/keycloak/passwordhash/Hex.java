package io.customerauth.keycloak.passwordhash;

/** The small parsing helpers the werkzeug providers share. */
final class Hex {

    private Hex() {
    }

    /** The bytes of an even-length hex string (either case), or {@code null} if it is not one. */
    static byte[] decode(String hex) {
        if (hex == null || hex.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = digit(hex.charAt(2 * i));
            int low = digit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A positive decimal int of at most nine ASCII digits, or -1. */
    static int parsePositiveInt(String value) {
        if (value == null || value.isEmpty() || value.length() > 9
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int parsed = Integer.parseInt(value);
        return parsed > 0 ? parsed : -1;
    }
}
