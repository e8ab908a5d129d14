package io.customerauth.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.Mailbox;
import io.customerauth.it.harness.StrictJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The compose stack's mail service, read through Mailpit's API ({@code /api/v1/messages}, {@code /api/v1/message/ID}),
 * which Mailpit serves and the stand-in (the project's mail catcher) serves alike.
 */
final class MailpitInbox {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    MailpitInbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** IDs of every mail there now, to tell a new one from older ones. */
    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        get("/api/v1/messages").path("messages").forEach(message -> ids.add(message.path("ID").asText()));
        return ids;
    }

    /**
     * The verification code of the first mail to {@code recipient} not among {@code seen} that carries one, waited
     * for. Other new mails (a "password changed" notice still on its way, say) are passed over.
     */
    String awaitCode(String recipient, Set<String> seen) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode message : get("/api/v1/messages").path("messages")) {
                String id = message.path("ID").asText();
                boolean toRecipient = false;
                for (JsonNode to : message.path("To")) {
                    toRecipient |= to.path("Address").asText().toLowerCase(Locale.ROOT)
                            .equals(recipient.toLowerCase(Locale.ROOT));
                }
                if (toRecipient && !seen.contains(id)) {
                    JsonNode mail = get("/api/v1/message/" + id);
                    Mailbox.Mail received = new Mailbox.Mail(mail.path("From").path("Address").asText(),
                            mail.path("Subject").asText(), mail.path("Text").asText(), mail.path("HTML").asText(), null);
                    if (received.hasVerificationCode()) {
                        return received.verificationCode();
                    }
                }
            }
            sleep();
        }
        throw new AssertionError("no new mail with a code to " + recipient + " in " + WAIT + " at " + baseUrl);
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return StrictJson.parse(response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
