package io.customerauth.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Keycloak's standard OIDC endpoints of the realm, and JWT reading, for tests that compare the API with them. */
public final class Oidc {

    private static final ObjectMapper JSON = StrictJson.MAPPER;

    private final Api api;
    private final String realm;

    Oidc(Api api, String realm) {
        this.api = api;
        this.realm = realm;
    }

    public String realmPath() {
        return "/realms/" + realm;
    }

    /** POSTs a form to the realm's token endpoint, with the given client version header (null for none). */
    public Api.Response token(Map<String, String> form, String clientVersion) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return api.request("POST", "")
                .at(api.url(realmPath() + "/protocol/openid-connect/token"))
                .header("X-Client-Version", clientVersion)
                .body("application/x-www-form-urlencoded", body)
                .send();
    }

    public Api.Response passwordGrant(String clientId, String username, String password, String clientVersion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return token(form, clientVersion);
    }

    public Api.Response refresh(String clientId, String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken),
                Api.CLIENT_VERSION);
    }

    public Api.Response userinfo(String accessToken) {
        return api.request("GET", "").at(api.url(realmPath() + "/protocol/openid-connect/userinfo"))
                .bearer(accessToken).send();
    }

    /** The JWT's payload, without checking anything. */
    public static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    public static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    /** Checks an RS256 JWT's signature against the realm's published JWKS. */
    public boolean verifiesWithRealmKeys(String jwt) {
        String kid = header(jwt).path("kid").asText();
        JsonNode keys = api.request("GET", "").at(api.url(realmPath() + "/protocol/openid-connect/certs")).send()
                .json().path("keys");
        for (JsonNode key : keys) {
            if (kid.equals(key.path("kid").asText()) && "RSA".equals(key.path("kty").asText())) {
                return verifyRs256(jwt, rsaKey(key));
            }
        }
        return false;
    }

    private static boolean verifyRs256(String jwt, PublicKey key) {
        String[] parts = jwt.split("\\.");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey rsaKey(JsonNode jwk) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(jwk.path("n").asText())),
                    new BigInteger(1, decoder.decode(jwk.path("e").asText()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode part(String jwt, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
