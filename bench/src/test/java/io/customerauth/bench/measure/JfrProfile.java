package io.customerauth.bench.measure;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keycloak's CPU profile during some windows, from its Flight Recorder file: every Java execution sample whose time
 * falls in a window is put in the category of the first frame, from the top of the stack down, that belongs to a
 * known library ("self" time by component), and counted for each marker method it has anywhere on its stack
 * (inclusive time). GC pauses are summed from the GC events of the same windows, and the heap still in use after
 * each collection gives the largest live heap.
 */
public final class JfrProfile {

    /** Components, in the order a frame is tested against them. */
    private static final Map<String, List<String>> COMPONENTS = new LinkedHashMap<>();
    /** Methods whose inclusive share the report shows. */
    public static final Map<String, String> MARKERS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("argon2 hashing (BouncyCastle)", List.of("org.bouncycastle.crypto.generators.Argon2",
                "org.bouncycastle.crypto.digests.Blake2b"));
        COMPONENTS.put("signatures, hashes, random (JCA, Keycloak crypto)", List.of("sun.security.", "java.security.",
                "javax.crypto.", "com.sun.crypto.", "org.keycloak.crypto.", "org.keycloak.jose.", "org.bouncycastle."));
        COMPONENTS.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        COMPONENTS.put("database (JDBC, Hibernate, Agroal)", List.of("org.postgresql.", "org.hibernate.", "io.agroal.",
                "jakarta.persistence.", "org.keycloak.models.jpa.", "org.keycloak.connections.jpa."));
        COMPONENTS.put("caches (Infinispan)", List.of("org.infinispan.", "org.jgroups.", "org.keycloak.models.cache.",
                "org.keycloak.models.sessions.infinispan."));
        COMPONENTS.put("logging", List.of("org.jboss.logmanager.", "org.jboss.logging.", "java.util.logging."));
        COMPONENTS.put("mail and templates", List.of("freemarker.", "jakarta.mail.", "org.eclipse.angus."));
        COMPONENTS.put("HTTP server (Vert.x, Netty, RESTEasy)", List.of("io.netty.", "io.vertx.",
                "org.jboss.resteasy.", "io.quarkus.vertx.", "io.quarkus.resteasy."));
        COMPONENTS.put("the pack (io.customerauth)", List.of("io.customerauth."));
        COMPONENTS.put("Keycloak, other", List.of("org.keycloak."));
        COMPONENTS.put("JDK and other", List.of(""));

        MARKERS.put("org.keycloak.authentication.AuthenticationProcessor.authenticateOnly",
                "the direct-grant flow (username, password steps)");
        MARKERS.put("org.bouncycastle.crypto.generators.Argon2BytesGenerator.generateBytes", "argon2 verification");
        MARKERS.put("org.keycloak.authentication.AuthenticationProcessor.attachSession", "user session creation");
        MARKERS.put("org.keycloak.protocol.oidc.TokenManager$AccessTokenResponseBuilder.generateAccessToken",
                "access token claims (mappers)");
        MARKERS.put("org.keycloak.protocol.oidc.TokenManager$AccessTokenResponseBuilder.generateIDToken",
                "ID token claims (mappers)");
        MARKERS.put("org.keycloak.protocol.oidc.TokenManager$AccessTokenResponseBuilder.build",
                "token encoding and signing (access, ID, refresh)");
        MARKERS.put("org.keycloak.jose.jws.DefaultTokenManager.encodeAndEncrypt", "ID token signing");
        MARKERS.put("org.keycloak.events.EventBuilder.success", "LOGIN event");
        MARKERS.put("org.keycloak.services.managers.BruteForceProtector", "brute-force checks");
        MARKERS.put("io.customerauth.keycloak.logging", "the pack's request log");
        MARKERS.put("io.customerauth.keycloak.resetcode.ForgotPassword.mailCode",
                "forgot password's work after the answer (lookup, throttle, code, mail)");
        MARKERS.put("io.customerauth.keycloak.resetcode.CustomerMail", "composing and sending the pack's mails");
        MARKERS.put("io.customerauth.keycloak.resetcode.PasswordReset.reset", "reset password on the request thread");
        MARKERS.put("io.customerauth.keycloak.resetcode.PasswordReset.signOutEverywhere", "reset: signing out");
        MARKERS.put("org.keycloak.credential.PasswordCredentialProvider.createCredential",
                "storing a new password (hashing it)");
        MARKERS.put("org.hibernate.", "Hibernate / JDBC (anywhere on the stack)");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.CustomerImportResource.importUsers",
                "the bulk endpoint's request (everything below)");
        MARKERS.put("org.keycloak.util.JsonSerialization.readValue", "reading the batch's JSON");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.RealmCustomerRules.check",
                "validating each customer once (the realm's user-profile rules, the hash's algorithm and cost)");
        MARKERS.put("io.customerauth.keycloak.customer.CustomerIdClaims",
                "claiming the new customer_ids cluster-wide (single-use store; on its own threads)");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.SqlCustomerStore.byCustomerId",
                "looking the batch's customer_ids up (one query)");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.SqlCustomerStore.holdersOf",
                "looking the batch's emails up (one query)");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.SqlCustomerStore.create",
                "creating the batch below the user model (rows built, multi-row inserts)");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.SqlRows.insert", "the multi-row inserts themselves");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.ModelCustomerStore.create",
                "creating each user through Keycloak's user model");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.ModelCustomerStore.byCustomerId",
                "looking customers up through the user model");
        MARKERS.put("io.customerauth.keycloak.customer.bulk.ModelCustomerStore.update",
                "updating changed customers through the user model");
        MARKERS.put("org.jgroups.", "cluster communication (JGroups, anywhere on the stack)");
        MARKERS.put("org.keycloak.models.jpa.UserAdapter.grantRole",
                "granting each new user the realm's default roles (Keycloak's addUser)");
        MARKERS.put("org.hibernate.event.internal.AbstractFlushingEventListener",
                "Hibernate's flushes (dirty checking of every entity the batch holds)");
        MARKERS.put("org.keycloak.services.DefaultKeycloakTransactionManager.commit",
                "committing the batch's transaction");
        MARKERS.put("org.keycloak.models.cache.infinispan.UserCacheSession.runInvalidations",
                "user-cache invalidations of the new users");
    }

    /** Samples of one set of windows. */
    public record Profile(long samples, Map<String, Long> components, Map<String, Long> markers,
                          Map<String, Long> topFrames, double gcPauseMillis, double maxHeapAfterGcMiB) {
        public double share(long count) {
            return samples == 0 ? 0 : 100.0 * count / samples;
        }
    }

    /** A wall-clock window, epoch ms. */
    public record Span(long fromMillis, long toMillis) {
        boolean contains(Instant time) {
            long millis = time.toEpochMilli();
            return millis >= fromMillis && millis <= toMillis;
        }
    }

    private JfrProfile() {
    }

    /** One profile per named set of windows, from one pass over the recording. */
    public static Map<String, Profile> read(Path recording, Map<String, List<Span>> spans) throws IOException {
        Map<String, Counts> counts = new LinkedHashMap<>();
        spans.keySet().forEach(name -> counts.put(name, new Counts()));
        if (Files.exists(recording)) {
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    for (Map.Entry<String, List<Span>> set : spans.entrySet()) {
                        if (within(set.getValue(), event.getStartTime())) {
                            counts.get(set.getKey()).add(event);
                        }
                    }
                }
            }
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        counts.forEach((name, count) -> profiles.put(name, count.profile()));
        return profiles;
    }

    /** The counts of one set of windows while the recording is read. */
    private static final class Counts {
        private final Map<String, Long> components = new LinkedHashMap<>();
        private final Map<String, Long> markers = new LinkedHashMap<>();
        private final Map<String, Long> frames = new TreeMap<>();
        private long samples;
        private double gcPause;
        private double maxHeapAfterGc;

        Counts() {
            COMPONENTS.keySet().forEach(name -> components.put(name, 0L));
            MARKERS.keySet().forEach(name -> markers.put(name, 0L));
        }

        void add(RecordedEvent event) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcPause += event.getDuration("sumOfPauses").toNanos() / 1e6;
            }
            if (type.equals("jdk.GCHeapSummary") && "After GC".equals(String.valueOf((Object) event.getValue("when")))) {
                maxHeapAfterGc = Math.max(maxHeapAfterGc, event.getLong("heapUsed") / (1024.0 * 1024));
            }
            if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                return;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            components.merge(component(stack), 1L, Long::sum);
            if (!stack.getFrames().isEmpty()) {
                frames.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
            }
            for (String marker : MARKERS.keySet()) {
                if (stack.getFrames().stream().anyMatch(frame -> name(frame).startsWith(marker))) {
                    markers.merge(marker, 1L, Long::sum);
                }
            }
        }

        Profile profile() {
            return new Profile(samples, components, markers, frames, gcPause, maxHeapAfterGc);
        }
    }

    private static boolean within(List<Span> spans, Instant time) {
        return spans.stream().anyMatch(span -> span.contains(time));
    }

    private static String component(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
                if (!component.getValue().get(0).isEmpty()
                        && component.getValue().stream().anyMatch(name::startsWith)) {
                    return component.getKey();
                }
            }
        }
        return "JDK and other";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
