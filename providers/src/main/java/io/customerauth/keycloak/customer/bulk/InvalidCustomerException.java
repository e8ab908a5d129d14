package io.customerauth.keycloak.customer.bulk;

/** A user of a batch that cannot be imported; the message names the field and never holds a secret. */
final class InvalidCustomerException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidCustomerException(String reason) {
        super(reason, null, false, false);
    }
}
