package io.customerauth.common.credential;

import java.util.Set;

/**
 * werkzeug's {@code pbkdf2:<digest>:N$salt$hex} as a Keycloak password credential: the algorithm {@value #ALGORITHM},
 * {@code hashIterations} = N, the additional parameter {@value #HASH_ALGORITHM} = the digest's {@code hashlib} name;
 * the secret's {@code value} is the hex digest as it is and its {@code salt} the salt string's UTF-8 bytes.
 */
public final class WerkzeugPbkdf2Credential {

    public static final String ALGORITHM = "werkzeug-pbkdf2";
    public static final String HASH_ALGORITHM = "hashAlgorithm";

    /** The {@code hashlib} digests werkzeug's pbkdf2 may name, lower case. */
    public static final Set<String> DIGESTS = Set.of("sha1", "sha224", "sha256", "sha384", "sha512");

    private WerkzeugPbkdf2Credential() {
    }
}
