package io.customerauth.it.harness;

import io.customerauth.common.customer.CustomerAttributes;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates customers through the admin API: real users with the customer attributes and a password. */
public final class Customers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final RealmResource realm;

    public Customers(RealmResource realm) {
        this.realm = realm;
    }

    public Customer create() {
        return create(spec());
    }

    public static Spec spec() {
        int n = SEQUENCE.incrementAndGet();
        String email = "customer-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        return new Spec(email, "Correct-Horse-" + n + "-Battery", UUID.randomUUID().toString(), "FR", "en", true);
    }

    public Customer create(Spec spec) {
        CredentialRepresentation password = null;
        if (spec.password() != null) {
            password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(spec.password());
            password.setTemporary(false);
        }
        return create(spec, password);
    }

    private Customer create(Spec spec, CredentialRepresentation credential) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(spec.email());
        user.setEmail(spec.email());
        user.setEmailVerified(true);
        user.setEnabled(spec.enabled());
        user.setAttributes(Map.of(
                CustomerAttributes.CUSTOMER_ID, List.of(spec.customerId()),
                CustomerAttributes.COUNTRY, List.of(spec.country()),
                CustomerAttributes.LANGUAGE, List.of(spec.language())));
        if (credential != null) {
            user.setCredentials(List.of(credential));
        }
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("could not create " + spec.email() + ": " + response.getStatus()
                        + " " + response.readEntity(String.class));
            }
            return new Customer(CreatedResponseUtil.getCreatedId(response), spec);
        }
    }

    /**
     * A customer whose password credential is stored as given (credentialData / secretData JSON, as Keycloak's admin
     * API and partialImport accept them): nothing checks or hashes it on the way in. Its password() is null.
     */
    public Customer createWithStoredPassword(String credentialData, String secretData) {
        CredentialRepresentation stored = new CredentialRepresentation();
        stored.setType(CredentialRepresentation.PASSWORD);
        stored.setCredentialData(credentialData);
        stored.setSecretData(secretData);
        return create(spec().password(null), stored);
    }

    /** The id of the customer's stored password credential. */
    public String passwordCredentialId(Customer customer) {
        return realm.users().get(customer.id()).credentials().stream()
                .filter(credential -> CredentialRepresentation.PASSWORD.equals(credential.getType()))
                .findFirst().orElseThrow().getId();
    }

    public UserRepresentation representation(Customer customer) {
        return realm.users().get(customer.id()).toRepresentation();
    }

    public void disable(Customer customer) {
        UserRepresentation user = representation(customer);
        user.setEnabled(false);
        realm.users().get(customer.id()).update(user);
    }

    public void delete(Customer customer) {
        try (Response ignored = realm.users().delete(customer.id())) {
            // closing the response is all there is to do
        }
    }

    /** What a customer is made of; {@code password} may be null for a customer without one. */
    public record Spec(String email, String password, String customerId, String country, String language,
                       boolean enabled) {

        public Spec email(String value) {
            return new Spec(value, password, customerId, country, language, enabled);
        }

        public Spec password(String value) {
            return new Spec(email, value, customerId, country, language, enabled);
        }

        public Spec customerId(String value) {
            return new Spec(email, password, value, country, language, enabled);
        }

        public Spec country(String value) {
            return new Spec(email, password, customerId, value, language, enabled);
        }

        public Spec language(String value) {
            return new Spec(email, password, customerId, country, value, enabled);
        }

        public Spec disabled() {
            return new Spec(email, password, customerId, country, language, false);
        }
    }

    /** A customer that exists in Keycloak: its user id and what it was made of. */
    public record Customer(String id, Spec spec) {
        public String email() {
            return spec.email();
        }

        public String password() {
            return spec.password();
        }

        public String customerId() {
            return spec.customerId();
        }
    }
}
