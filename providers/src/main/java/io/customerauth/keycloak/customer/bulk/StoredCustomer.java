package io.customerauth.keycloak.customer.bulk;

/**
 * A customer the realm already has, as far as a re-run compares it with the export.
 *
 * @param passwordId    the id of their password credential, or {@code null} when they have none
 * @param passwordLabel that credential's label ({@link PasswordMarker}), or {@code null}
 */
record StoredCustomer(String userId, String customerId, String username, String email, String country,
                      String language, String passwordId, String passwordLabel) {

    boolean hasPassword() {
        return passwordId != null;
    }
}
