package io.customerauth.keycloak.customer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

class ImportedCustomerTest {

    private static final String CREDENTIAL_DATA = "{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}";
    private static final String SECRET_DATA = "{\"value\":\"$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi\"}";

    @Test
    void readsTheRepresentationTheImportToolSends() throws Exception {
        UserRepresentation user = user();
        user.setCredentials(List.of(stored()));

        ImportedCustomer customer = ImportedCustomer.from(user);

        assertThat(customer.email()).isEqualTo("alice@example.com");
        assertThat(customer.customerId()).isEqualTo("8b4a1343-292d-45ed-ba5f-846fa9167ede");
        assertThat(customer.attributes()).containsEntry("username", List.of("alice@example.com"))
                .containsEntry("country", List.of("FR")).containsEntry("language", List.of("fr"))
                .containsEntry("firstName", List.of("Alice")).doesNotContainKey("lastName");
        assertThat(customer.password().getType()).isEqualTo("password");
        assertThat(customer.password().getSecretData()).isEqualTo(SECRET_DATA);
        assertThat(customer.passwordAlgorithm()).isEqualTo("bcrypt");
        assertThat(customer.passwordFingerprint()).matches("[0-9a-f]{16}");
        assertThat(customer.toString()).doesNotContain("N9qo8uLO");
    }

    @Test
    void lowercasesTheEmailAndTheCustomerId() throws Exception {
        UserRepresentation user = user();
        user.setEmail("Alice@Example.COM");
        user.setUsername("ALICE@example.com");
        user.getAttributes().put("customer_id", List.of("8B4A1343-292D-45ED-BA5F-846FA9167EDE"));

        ImportedCustomer customer = ImportedCustomer.from(user);

        assertThat(customer.email()).isEqualTo("alice@example.com");
        assertThat(customer.customerId()).isEqualTo("8b4a1343-292d-45ed-ba5f-846fa9167ede");
        assertThat(customer.attributes().get("customer_id")).containsExactly("8b4a1343-292d-45ed-ba5f-846fa9167ede");
    }

    @Test
    void requiresTheUsernameToBeTheEmail() {
        UserRepresentation user = user();
        user.setUsername("alice");

        assertThatThrownBy(() -> ImportedCustomer.from(user)).hasMessage("username: must be the email");
    }

    @Test
    void requiresAnEmail() {
        UserRepresentation user = user();
        user.setEmail(" ");

        assertThatThrownBy(() -> ImportedCustomer.from(user)).hasMessage("email: missing");
    }

    @Test
    void requiresExactlyOneValuePerCustomerAttribute() {
        UserRepresentation missing = user();
        missing.getAttributes().remove("country");
        UserRepresentation two = user();
        two.getAttributes().put("language", List.of("fr", "en"));

        assertThatThrownBy(() -> ImportedCustomer.from(missing)).hasMessage("country: exactly one value required");
        assertThatThrownBy(() -> ImportedCustomer.from(two)).hasMessage("language: exactly one value required");
    }

    @Test
    void refusesOtherAttributes() {
        UserRepresentation user = user();
        user.getAttributes().put("isAdmin", List.of("true"));

        assertThatThrownBy(() -> ImportedCustomer.from(user)).hasMessage("isAdmin: not a customer attribute");
    }

    @Test
    void importsOnlyOneStoredPasswordHash() {
        CredentialRepresentation plain = new CredentialRepresentation();
        plain.setType("password");
        plain.setValue("Customer-Pass-1");
        CredentialRepresentation otp = stored();
        otp.setType("otp");
        CredentialRepresentation incomplete = stored();
        incomplete.setSecretData(null);

        assertThatThrownBy(() -> ImportedCustomer.from(withCredentials(plain)))
                .hasMessageContaining("plain passwords are not imported")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Customer-Pass-1"));
        assertThatThrownBy(() -> ImportedCustomer.from(withCredentials(otp)))
                .hasMessageContaining("only a password credential");
        assertThatThrownBy(() -> ImportedCustomer.from(withCredentials(incomplete)))
                .hasMessageContaining("credentialData and secretData are required");
        assertThatThrownBy(() -> ImportedCustomer.from(withCredentials(stored(), stored())))
                .hasMessageContaining("at most one password");
    }

    @Test
    void refusesAStoredHashWhoseDataIsNotKeycloaksPasswordJson() {
        CredentialRepresentation broken = stored();
        broken.setCredentialData("{not json");

        assertThatThrownBy(() -> ImportedCustomer.from(withCredentials(broken)))
                .hasMessage("credentials: credentialData or secretData is not valid JSON");
    }

    private static UserRepresentation withCredentials(CredentialRepresentation... credentials) {
        UserRepresentation user = user();
        user.setCredentials(new ArrayList<>(List.of(credentials)));
        return user;
    }

    private static CredentialRepresentation stored() {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("password");
        credential.setCredentialData(CREDENTIAL_DATA);
        credential.setSecretData(SECRET_DATA);
        return credential;
    }

    private static UserRepresentation user() {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("alice@example.com");
        user.setEmail("alice@example.com");
        user.setFirstName("Alice");
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("customer_id", List.of("8b4a1343-292d-45ed-ba5f-846fa9167ede"));
        attributes.put("country", List.of("FR"));
        attributes.put("language", List.of("fr"));
        user.setAttributes(attributes);
        return user;
    }
}
