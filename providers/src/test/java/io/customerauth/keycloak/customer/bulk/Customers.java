package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Users as the import tool sends them, for the unit tests of a batch. */
final class Customers {

    static final String BCRYPT_DATA = "{\"hashIterations\":10,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}";
    static final String BCRYPT_SECRET = "{\"value\":\"$2b$10$N9qo8uLOickgx2ZMRZoMyee1IcPnGG.NlVou1czAgTyuwuO2a9UJi\"}";
    static final String OTHER_BCRYPT_SECRET =
            "{\"value\":\"$2b$10$Jq0sT2lYqPz4aW6bXc8dE.44GEwh65xeI9293746CEtRtqHJ59fzy\"}";

    private Customers() {
    }

    static UserRepresentation user(String email, String customerId, String country, String language) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("customer_id", List.of(customerId));
        attributes.put("country", List.of(country));
        attributes.put("language", List.of(language));
        user.setAttributes(attributes);
        return user;
    }

    static UserRepresentation user(String email) {
        return user(email, UUID.randomUUID().toString(), "FR", "fr");
    }

    static UserRepresentation withHash(UserRepresentation user, String secretData) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("password");
        credential.setCredentialData(BCRYPT_DATA);
        credential.setSecretData(secretData);
        user.setCredentials(new ArrayList<>(List.of(credential)));
        return user;
    }

    static ImportedCustomer imported(UserRepresentation user) {
        try {
            return ImportedCustomer.from(user);
        } catch (InvalidCustomerException e) {
            throw new AssertionError(e);
        }
    }
}
