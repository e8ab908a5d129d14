package io.customerauth.it.harness;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads the realm's stored user events, as an admin sees them in the console. */
public final class Events {

    private final RealmResource realm;

    Events(RealmResource realm) {
        this.realm = realm;
    }

    /** Events of these types for this user, newest first. */
    public List<EventRepresentation> of(String userId, String... types) {
        return realm.getEvents(List.of(types), null, userId, null, null, null, 0, 100);
    }

    /** Waits until the user has an event of this type, and returns the newest one. */
    public EventRepresentation await(String userId, String type, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<EventRepresentation> events = of(userId, type);
            if (!events.isEmpty()) {
                return events.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + type + " event for user " + userId + " within " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public EventRepresentation await(String userId, String type) {
        return await(userId, type, Duration.ofSeconds(20));
    }
}
