package io.customerauth.importer.hash;

/**
 * A Keycloak password credential built from a legacy hash: the algorithm id and the credentialData / secretData JSON
 * strings exactly as Keycloak stores them. {@link #toString()} never shows the secret data.
 */
public record ImportedCredential(String algorithm, String credentialData, String secretData) {

    @Override
    public String toString() {
        return "ImportedCredential[algorithm=" + algorithm + ", secretData=<hidden>]";
    }
}
