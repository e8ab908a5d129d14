package io.customerauth.keycloak.logging;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientErrorMessageTest {

    @Test
    void fieldErrorsAreLoggedLikeTheSeedDid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Invalid input.");
        body.put("errors", Map.of("email", List.of("Missing data for required field.")));

        assertThat(ClientErrorMessage.of(body)).isEqualTo("{'email': ['Missing data for required field.']}");
    }

    @Test
    void severalFieldsKeepTheirOrder() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put("email", List.of("Not a valid email address."));
        errors.put("password", List.of("Missing data for required field.", "Not a valid string."));

        assertThat(ClientErrorMessage.of(Map.of("message", "Invalid input.", "errors", errors))).isEqualTo(
                "{'email': ['Not a valid email address.'], "
                        + "'password': ['Missing data for required field.', 'Not a valid string.']}");
    }

    @Test
    void aBodyWithOnlyAMessageLogsTheMessage() {
        assertThat(ClientErrorMessage.of(Map.of("message", "Invalid email or password.")))
                .isEqualTo("Invalid email or password.");
    }

    @Test
    void anyOtherBodyIsLoggedWhole() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "This version of the app is no longer supported. Please update it.");
        body.put("minimum_version", "2.1.0");

        assertThat(ClientErrorMessage.of(body)).isEqualTo("{'message': 'This version of the app is no longer "
                + "supported. Please update it.', 'minimum_version': '2.1.0'}");
    }

    @Test
    void valuesAreQuotedAsPythonWould() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plain", "it's");
        body.put("both", "it's \"quoted\"");
        body.put("number", 42);
        body.put("flag", true);
        body.put("nothing", null);

        assertThat(ClientErrorMessage.repr(body))
                .isEqualTo("{'plain': \"it's\", 'both': 'it\\'s \"quoted\"', 'number': 42, 'flag': True, "
                        + "'nothing': None}");
    }

    @Test
    void controlCharactersInsideValuesAreEscaped() {
        Map<String, Object> body = Map.of("message", "m", "errors",
                Map.of("email\r\n[fake]", List.of("bad\u001b[31m")));

        assertThat(ClientErrorMessage.of(body)).isEqualTo("{'email\\r\\n[fake]': ['bad\\u001b[31m']}")
                .doesNotContain("\r", "\n", "\u001b");
    }

    @Test
    void aMessageOnlyBodyIsEscapedToo() {
        assertThat(ClientErrorMessage.of(Map.of("message", "line one\nline two"))).isEqualTo("line one\\nline two");
    }

    @Test
    void anEmptyOrMissingBodyIsAnEmptyDict() {
        assertThat(ClientErrorMessage.of(Map.of())).isEqualTo("{}");
        assertThat(ClientErrorMessage.of(null)).isEqualTo("{}");
    }
}
