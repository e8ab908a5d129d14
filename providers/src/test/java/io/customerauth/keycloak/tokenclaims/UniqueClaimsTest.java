package io.customerauth.keycloak.tokenclaims;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.util.JsonSerialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class UniqueClaimsTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void aMappedClaimUnderATypedClaimsNameIsWrittenTwiceByKeycloaksSerializer() throws Exception {
        AccessToken token = tokenWithEmailTwice();

        String json = JsonSerialization.writeValueAsString(token);

        assertThatCode(() -> STRICT.readTree(json)).hasMessageContaining("Duplicate field 'email'");
    }

    @Test
    void theTypedValueIsKeptAndTheTokenSerializesWithUniqueKeys() throws Exception {
        AccessToken token = tokenWithEmailTwice();

        assertThat(UniqueClaims.enforce(token, token.getOtherClaims())).containsExactly("email");

        String json = JsonSerialization.writeValueAsString(token);
        assertThat(STRICT.readTree(json).path("email").asText()).isEqualTo("typed@example.com");
        assertThat(STRICT.readTree(json).path("customer_id").asText()).isEqualTo("c-1");
    }

    @Test
    void aMappedClaimWhoseTypedTwinIsUnsetStays() {
        AccessToken token = new AccessToken();
        token.getOtherClaims().put("email", "mapped@example.com");

        assertThat(UniqueClaims.enforce(token, token.getOtherClaims())).isEmpty();
        assertThat(token.getOtherClaims()).containsEntry("email", "mapped@example.com");
    }

    @Test
    void tokenResponsesKeepTheirOwnFields() throws Exception {
        AccessTokenResponse response = new AccessTokenResponse();
        response.setToken("real-token");
        response.getOtherClaims().put("access_token", "forged");
        response.getOtherClaims().put("note", "kept");

        assertThat(UniqueClaims.enforce(response, response.getOtherClaims())).containsExactly("access_token");

        String json = JsonSerialization.writeValueAsString(response);
        assertThat(STRICT.readTree(json).path("access_token").asText()).isEqualTo("real-token");
        assertThat(STRICT.readTree(json).path("note").asText()).isEqualTo("kept");
    }

    private static AccessToken tokenWithEmailTwice() {
        AccessToken token = new AccessToken();
        token.subject("user-1");
        token.setEmail("typed@example.com");
        token.getOtherClaims().put("email", "mapped@example.com");
        token.getOtherClaims().put("customer_id", "c-1");
        return token;
    }
}
