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
        return awaitAny(userId, timeout, type);
    }

    public EventRepresentation await(String userId, String type) {
        return await(userId, type, Duration.ofSeconds(20));
    }

    /** Events of this type with this error recorded since {@code since}, for any user or none, newest first. */
    public List<EventRepresentation> errors(String type, String error, Instant since) {
        return realm.getEvents(List.of(type), null, null, null, null, null, 0, 1000).stream()
                .filter(event -> error.equals(event.getError()))
                .filter(event -> event.getTime() >= since.toEpochMilli())
                .toList();
    }

    /** Waits until there is an event of this type with this error recorded since {@code since}; the newest. */
    public EventRepresentation awaitError(String type, String error, Instant since, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<EventRepresentation> events = errors(type, error, since);
            if (!events.isEmpty()) {
                return events.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + type + " event with error " + error + " since " + since
                        + " within " + timeout);
            }
            pause();
        }
    }

    /** Waits until the user has an event of one of these types, and returns the newest such. */
    public EventRepresentation awaitAny(String userId, Duration timeout, String... types) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<EventRepresentation> events = of(userId, types);
            if (!events.isEmpty()) {
                return events.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + List.of(types) + " event for user " + userId + " within " + timeout);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
