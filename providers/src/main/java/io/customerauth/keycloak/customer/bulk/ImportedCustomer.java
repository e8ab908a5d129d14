package io.customerauth.keycloak.customer.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.customerauth.common.customer.CustomerAttributes;

/**
 * One user of a batch, read from its representation in the shape the import tool sends: username = email, the
 * customer attributes as single values, at most one stored password credential (credentialData / secretData, never
 * a plain password) with the fingerprint of its hash ({@link PasswordMarker}).
 *
 * @param attributes every attribute as the user profile names it (username, email, names, the customer attributes)
 * @param password   the stored password, or {@code null}
 */
record ImportedCustomer(String email, String customerId, String country, String language, String firstName,
                        String lastName, Map<String, List<String>> attributes, PasswordCredentialModel password,
                        String passwordFingerprint) {

    private static final String NOT_JSON = "credentials: credentialData or secretData is not valid JSON";
    static final List<String> CUSTOMER_ATTRIBUTES = List.of(CustomerAttributes.CUSTOMER_ID, CustomerAttributes.COUNTRY,
            CustomerAttributes.LANGUAGE);

    /** The customer, or an exception whose message says what is wrong with the representation. */
    static ImportedCustomer from(UserRepresentation user) throws InvalidCustomerException {
        if (user == null) {
            throw new InvalidCustomerException("user: missing");
        }
        String email = user.getEmail() == null ? null : user.getEmail().trim().toLowerCase(Locale.ROOT);
        if (email == null || email.isEmpty()) {
            throw new InvalidCustomerException("email: missing");
        }
        if (user.getUsername() != null && !user.getUsername().trim().toLowerCase(Locale.ROOT).equals(email)) {
            throw new InvalidCustomerException("username: must be the email");
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, List.of(email));
        attributes.put(UserModel.EMAIL, List.of(email));
        if (user.getFirstName() != null) {
            attributes.put(UserModel.FIRST_NAME, List.of(user.getFirstName()));
        }
        if (user.getLastName() != null) {
            attributes.put(UserModel.LAST_NAME, List.of(user.getLastName()));
        }
        Map<String, List<String>> given = user.getAttributes() == null ? Map.of() : user.getAttributes();
        for (String name : given.keySet()) {
            if (!CUSTOMER_ATTRIBUTES.contains(name)) {
                throw new InvalidCustomerException(name + ": not a customer attribute");
            }
        }
        for (String name : CUSTOMER_ATTRIBUTES) {
            List<String> values = given.get(name);
            if (values == null || values.size() != 1 || values.get(0) == null || values.get(0).isBlank()) {
                throw new InvalidCustomerException(name + ": exactly one value required");
            }
            String value = values.get(0).trim();
            attributes.put(name, List.of(name.equals(CustomerAttributes.CUSTOMER_ID)
                    ? value.toLowerCase(Locale.ROOT) : value));
        }
        PasswordCredentialModel password = password(user.getCredentials());
        return new ImportedCustomer(email, attributes.get(CustomerAttributes.CUSTOMER_ID).get(0),
                attributes.get(CustomerAttributes.COUNTRY).get(0), attributes.get(CustomerAttributes.LANGUAGE).get(0),
                user.getFirstName(), user.getLastName(), attributes, password,
                password == null ? null : fingerprint(password));
    }

    private static String fingerprint(PasswordCredentialModel password) throws InvalidCustomerException {
        try {
            return PasswordMarker.fingerprint(password);
        } catch (RuntimeException e) {
            throw new InvalidCustomerException(NOT_JSON);
        }
    }

    private static PasswordCredentialModel password(List<CredentialRepresentation> credentials)
            throws InvalidCustomerException {
        if (credentials == null || credentials.isEmpty()) {
            return null;
        }
        if (credentials.size() > 1) {
            throw new InvalidCustomerException("credentials: at most one password");
        }
        CredentialRepresentation given = credentials.get(0);
        if (!PasswordCredentialModel.TYPE.equals(given.getType())) {
            throw new InvalidCustomerException("credentials: only a password credential can be imported");
        }
        if (given.getValue() != null) {
            throw new InvalidCustomerException("credentials: plain passwords are not imported, only stored hashes");
        }
        if (given.getCredentialData() == null || given.getSecretData() == null) {
            throw new InvalidCustomerException("credentials: credentialData and secretData are required");
        }
        CredentialModel model = new CredentialModel();
        model.setType(PasswordCredentialModel.TYPE);
        model.setCredentialData(given.getCredentialData());
        model.setSecretData(given.getSecretData());
        try {
            return PasswordCredentialModel.createFromCredentialModel(model);
        } catch (RuntimeException e) {
            throw new InvalidCustomerException(NOT_JSON);
        }
    }

    /** The hash's algorithm as its credentialData names it. */
    String passwordAlgorithm() {
        return password == null ? null : password.getPasswordCredentialData().getAlgorithm();
    }

    @Override
    public String toString() {
        return "ImportedCustomer[email=" + email + ", customerId=" + customerId + "]";
    }
}
