package io.customerauth.it.resetcode;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.HashMap;
import java.util.Map;

/** Changes realm attributes for the length of a test, as an admin would in the console, and puts them back. */
final class RealmSettings implements AutoCloseable {

    static final String CODE_LIFETIME = "actionTokenGeneratedByUserLifespan.reset-credentials";
    static final String MAX_ATTEMPTS = "customerAuth.resetCode.maxAttempts";
    static final String THROTTLE = "customerAuth.resetCode.throttleSeconds";
    static final String REQUESTS_PER_ADDRESS = "customerAuth.resetCode.requestsPerAddress";
    static final String ADDRESS_WINDOW = "customerAuth.resetCode.addressWindowSeconds";
    static final String MAILS_PER_REALM = "customerAuth.resetCode.mailsPerRealm";
    static final String REALM_WINDOW = "customerAuth.resetCode.realmWindowSeconds";
    static final String MAX_QUEUED_JOBS = "customerAuth.resetCode.maxQueuedJobs";

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
