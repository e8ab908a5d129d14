package io.customerauth.importer.input;

import io.customerauth.importer.hash.ImportedCredential;

/**
 * One valid customer, normalized: email lowercased (it is also the username), customer_id lowercased, country
 * uppercased, language lowercased. {@code index} is the record's zero-based position in the file. The names and the
 * credential may be {@code null}. {@link #toString()} never shows the credential.
 */
public record CustomerRecord(long index, String email, String customerId, String country, String language,
                             String firstName, String lastName, ImportedCredential credential) {

    @Override
    public String toString() {
        return "CustomerRecord[index=" + index + ", email=" + email + ", customerId=" + customerId
                + ", credential=" + (credential == null ? "none" : credential.algorithm()) + "]";
    }
}
