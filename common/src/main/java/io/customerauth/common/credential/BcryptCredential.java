package io.customerauth.common.credential;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2y$}) as a Keycloak password credential: the algorithm
 * {@value #ALGORITHM}, {@code hashIterations} = the cost, no additional parameters, and the whole modular-crypt string
 * as the secret's {@code value} (the salt is inside it).
 */
public final class BcryptCredential {

    public static final String ALGORITHM = "bcrypt";

    /** Version, two-digit cost, then 22 characters of salt and 31 of hash in bcrypt's base64 alphabet. */
    public static final Pattern MODULAR_CRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    /** Just the cost, read leniently: a stored value with a readable cost is bounded even when the rest is broken. */
    private static final Pattern COST = Pattern.compile("\\$2[aby]?\\$(\\d{1,2})\\$.*", Pattern.DOTALL);

    private BcryptCredential() {
    }

    /** The cost a stored bcrypt string names; empty when it names none. */
    public static OptionalInt cost(String modularCrypt) {
        Matcher matcher = modularCrypt == null ? null : COST.matcher(modularCrypt);
        return matcher != null && matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
                : OptionalInt.empty();
    }
}
