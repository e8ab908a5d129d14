package io.customerauth.importer.hash;

import io.customerauth.common.credential.HashCostLimits;
import io.customerauth.common.credential.BcryptCredential;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * bcrypt: the whole modular-crypt string is the secret value; the cost is recorded as the iteration count and kept
 * within {@link HashCostLimits}.
 */
final class BcryptHash {

    private BcryptHash() {
    }

    static ImportedCredential toCredential(String hash) throws UnsupportedHashException {
        if (!hash.startsWith("$2a$") && !hash.startsWith("$2b$") && !hash.startsWith("$2y$")) {
            throw new UnsupportedHashException("unsupported bcrypt version (expected $2a$, $2b$ or $2y$)");
        }
        Matcher matcher = BcryptCredential.MODULAR_CRYPT.matcher(hash);
        if (!matcher.matches()) {
            throw new UnsupportedHashException("malformed bcrypt hash (expected $2b$<cost>$ and 53 characters "
                    + "of salt and hash)");
        }
        int cost = Integer.parseInt(matcher.group(1));
        if (cost < HashCostLimits.BCRYPT_MIN_COST || cost > HashCostLimits.BCRYPT_MAX_COST) {
            throw new UnsupportedHashException(String.format(Locale.ROOT, "bcrypt cost must be between %02d and %02d",
                    HashCostLimits.BCRYPT_MIN_COST, HashCostLimits.BCRYPT_MAX_COST));
        }
        return CredentialJson.credential(BcryptCredential.ALGORITHM, cost, Map.of(), hash, null);
    }
}
