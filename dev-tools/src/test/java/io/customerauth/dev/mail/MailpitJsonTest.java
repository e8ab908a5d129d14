package io.customerauth.dev.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailpitJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ReceivedMail MAIL = new ReceivedMail(7, "Customer Auth <no-reply@customers.localhost>",
            List.of("ana@example.com"), "Your verification code", Instant.parse("2026-12-03T08:00:00Z"),
            "Your code is 123\n", "<p>Your code is 123</p>");

    @Test
    void listsMailsWithTheFieldsMailpitScriptsRead() throws Exception {
        JsonNode page = MAPPER.readTree(MailpitJson.list(List.of(MAIL)));

        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode message = page.get("messages").get(0);
        assertThat(message.get("ID").asText()).isEqualTo("7");
        assertThat(message.get("From").get("Name").asText()).isEqualTo("Customer Auth");
        assertThat(message.get("From").get("Address").asText()).isEqualTo("no-reply@customers.localhost");
        assertThat(message.get("To").get(0).get("Address").asText()).isEqualTo("ana@example.com");
        assertThat(message.get("Subject").asText()).isEqualTo("Your verification code");
        assertThat(message.get("Created").asText()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(message.get("Snippet").asText()).isEqualTo("Your code is 123");
    }

    @Test
    void showsOneMailWithItsTextAndHtml() throws Exception {
        JsonNode message = MAPPER.readTree(MailpitJson.one(MAIL));

        assertThat(message.get("ID").asText()).isEqualTo("7");
        assertThat(message.get("Date").asText()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(message.get("Text").asText()).isEqualTo("Your code is 123\n");
        assertThat(message.get("HTML").asText()).isEqualTo("<p>Your code is 123</p>");
        assertThat(message.has("Snippet")).isFalse();
    }

    @Test
    void readsAnAddressWithoutADisplayName() {
        assertThat(MailpitJson.address(" bob@example.com "))
                .containsEntry("Name", "")
                .containsEntry("Address", "bob@example.com");
        assertThat(MailpitJson.address("\"Ana, Support\" <ana@example.com>"))
                .containsEntry("Name", "Ana, Support")
                .containsEntry("Address", "ana@example.com");
    }
}
