package io.customerauth.common.credential;

/**
 * werkzeug's {@code scrypt:N:r:p$salt$hex} as a Keycloak password credential: the algorithm {@value #ALGORITHM},
 * {@code hashIterations} = N, additional parameters {@value #BLOCK_SIZE} = r and {@value #PARALLELISM} = p; the
 * secret's {@code value} is the hex digest as it is and its {@code salt} the salt string's UTF-8 bytes (werkzeug never
 * decodes its salt).
 */
public final class WerkzeugScryptCredential {

    public static final String ALGORITHM = "werkzeug-scrypt";
    public static final String BLOCK_SIZE = "blockSize";
    public static final String PARALLELISM = "parallelism";

    private WerkzeugScryptCredential() {
    }
}
