package io.customerauth.it.resetcode;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.HashMap;
import java.util.Map;

/** Changes realm attributes for the length of a test, as an admin would in the console, and puts them back. */
final class RealmSettings implements AutoCloseable {

    /** Where the wrong-try count lived before the code step had settings; still read as its fallback. */
    static final String LEGACY_MAX_ATTEMPTS = "customerAuth.resetCode.maxAttempts";

    private final RealmResource realm;
    private final Map<String, String> original;

    private RealmSettings(RealmResource realm, Map<String, String> changes) {
        this.realm = realm;
        RealmRepresentation representation = realm.toRepresentation();
        this.original = new HashMap<>(representation.getAttributes());
        representation.getAttributes().putAll(changes);
        realm.update(representation);
    }

    static RealmSettings set(RealmResource realm, Map<String, String> changes) {
        return new RealmSettings(realm, changes);
    }

    /** Puts back exactly the attributes there were: an attribute the test added goes away again. */
    @Override
    public void close() {
        RealmRepresentation representation = realm.toRepresentation();
        representation.setAttributes(original);
        realm.update(representation);
    }
}
