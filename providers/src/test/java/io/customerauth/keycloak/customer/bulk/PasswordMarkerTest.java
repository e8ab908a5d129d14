package io.customerauth.keycloak.customer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;

class PasswordMarkerTest {

    @Test
    void theFingerprintOfAHashIsTheSameHoweverItsJsonIsLaidOut() {
        String compact = PasswordMarker.fingerprint(password(
                "{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}",
                Customers.BCRYPT_SECRET));
        String reordered = PasswordMarker.fingerprint(password(
                "{ \"algorithm\" : \"bcrypt\", \"additionalParameters\" : { }, \"hashIterations\" : 10 }",
                Customers.BCRYPT_SECRET));

        assertThat(compact).matches("[0-9a-f]{16}").isEqualTo(reordered);
        assertThat(PasswordMarker.fingerprint(password(Customers.BCRYPT_DATA, Customers.OTHER_BCRYPT_SECRET)))
                .isNotEqualTo(compact);
    }

    @Test
    void readsBackOnlyALabelTheImportWrote() {
        String label = PasswordMarker.label("0123456789abcdef");

        assertThat(PasswordMarker.fingerprintOf(label)).contains("0123456789abcdef");
        assertThat(PasswordMarker.fingerprintOf(null)).isEmpty();
        assertThat(PasswordMarker.fingerprintOf("My password")).isEmpty();
        assertThat(PasswordMarker.fingerprintOf(label + "0")).isEmpty();
    }

    @Test
    void theLabelShowsNoPartOfTheHash() {
        String label = PasswordMarker.label(PasswordMarker.fingerprint(password(Customers.BCRYPT_DATA,
                Customers.BCRYPT_SECRET)));

        assertThat(label).doesNotContain("N9qo8uLO").doesNotContain("$2b$");
    }

    private static PasswordCredentialModel password(String credentialData, String secretData) {
        CredentialModel model = new CredentialModel();
        model.setType(PasswordCredentialModel.TYPE);
        model.setCredentialData(credentialData);
        model.setSecretData(secretData);
        return PasswordCredentialModel.createFromCredentialModel(model);
    }
}
