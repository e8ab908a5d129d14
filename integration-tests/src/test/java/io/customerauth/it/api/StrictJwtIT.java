package io.customerauth.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Oidc;
import io.customerauth.it.harness.StrictJson;
import io.customerauth.it.harness.TestStack;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The realm's tokens as strict JWT libraries meet them: Nimbus JOSE+JWT (Spring Security's resource server) and a
 * JSON parser that refuses duplicate keys (RFC 7519 §4), for every kind of token and document issued to
 * {@code customer-app}, with every optional scope asked for and with an admin's mapper reusing a standard claim name.
 */
@CustomerAuthIT
class StrictJwtIT {

    private static final String EVERY_SCOPE = "openid address phone microprofile-jwt";

    private final Api api;
    private final Oidc oidc;
    private final Customers customers;
    private final RealmResource realm;

    StrictJwtIT(Api api, Oidc oidc, Customers customers, RealmResource realm) {
        this.api = api;
        this.oidc = oidc;
        this.customers = customers;
        this.realm = realm;
    }

    @Test
    void loginAccessTokenPassesNimbusAsASpringResourceServerChecksIt() throws Exception {
        Customer customer = customers.create(Customers.spec().country("ES").language("es"));

        String jwt = api.accessToken(customer.email(), customer.password());

        JWTClaimsSet claims = springLikeProcessor().process(jwt, null);
        assertThat(claims.getIssuer()).isEqualTo(issuer());
        assertThat(claims.getExpirationTime()).isAfter(new Date());
        assertThat(claims.getSubject()).isEqualTo(customer.id());
        assertThat(claims.getStringClaim("azp")).isEqualTo(TestStack.CLIENT_ID);
        assertThat(claims.getStringClaim("customer_id")).isEqualTo(customer.customerId());
        assertThat(claims.getStringClaim("country")).isEqualTo("ES");
        assertThat(claims.getStringClaim("email")).isEqualToIgnoringCase(customer.email());
    }

    @Test
    void nimbusRefusesALoginTokenOfAnotherIssuer() throws Exception {
        Customer customer = customers.create();
        String jwt = api.accessToken(customer.email(), customer.password());
        DefaultJWTProcessor<SecurityContext> processor = springLikeProcessor();
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer("https://elsewhere.example/realms/customers").build(),
                Set.of("sub", "exp")));

        assertThatCode(() -> processor.process(jwt, null)).hasMessageContaining("iss");
    }

    @Test
    void everyTokenAndDocumentOfTheTokenEndpointHasUniqueKeys() throws Exception {
        Customer customer = customers.create();
        JsonNode tokens = passwordGrant(customer, EVERY_SCOPE);

        assertEveryPartUnique(tokens);
        JsonNode refreshed = oidc.refresh(TestStack.CLIENT_ID, tokens.path("refresh_token").asText()).json();
        assertEveryPartUnique(refreshed);
        String accessToken = tokens.path("access_token").asText();
        assertThat(StrictJson.parse(oidc.userinfo(accessToken).body()).path("customer_id").asText())
                .isEqualTo(customer.customerId());
        assertThat(introspect(accessToken).path("active").asBoolean()).isTrue();
    }

    @Test
    void loginApiTokensHaveUniqueKeysAndNimbusParsesThem() throws Exception {
        Customer customer = customers.create();

        JsonNode data = api.login(customer.email(), customer.password()).json().path("data");

        for (String field : List.of("jwt", "refresh_token")) {
            String jwt = data.path(field).asText();
            assertThat(payload(jwt).size()).as(field).isPositive();
            assertThat(SignedJWT.parse(jwt).getJWTClaimsSet().getSubject()).as(field).isEqualTo(customer.id());
        }
    }

    @Test
    void anAdminMapperReusingAStandardClaimNameStillGivesUniqueClaims() throws Exception {
        ClientResource client = customerApp();
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("admin's allowed-origins " + UUID.randomUUID());
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
        mapper.setConfig(Map.of(
                "claim.name", "allowed-origins",
                "claim.value", "https://admin-says.example",
                "jsonType.label", "String",
                "access.token.claim", "true",
                "id.token.claim", "true",
                "userinfo.token.claim", "true",
                "introspection.token.claim", "true"));
        String mapperId = CreatedResponseUtil.getCreatedId(client.getProtocolMappers().createMapper(mapper));
        try {
            Customer customer = customers.create();

            JsonNode tokens = passwordGrant(customer, EVERY_SCOPE);
            String loginJwt = api.accessToken(customer.email(), customer.password());

            assertEveryPartUnique(tokens);
            JWTClaimsSet claims = springLikeProcessor().process(loginJwt, null);
            assertThat(claims.getStringListClaim("allowed-origins")).isNotEmpty();
            introspect(tokens.path("access_token").asText());
        } finally {
            client.getProtocolMappers().delete(mapperId);
        }
    }

    private JsonNode passwordGrant(Customer customer, String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", TestStack.CLIENT_ID);
        form.put("username", customer.email());
        form.put("password", customer.password());
        form.put("scope", scope);
        Api.Response response = oidc.token(form, Api.CLIENT_VERSION);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StrictJson.parse(response.body());
    }

    private static void assertEveryPartUnique(JsonNode tokenResponse) throws Exception {
        for (String field : List.of("access_token", "id_token", "refresh_token")) {
            String jwt = tokenResponse.path(field).asText();
            assertThat(jwt).as(field).isNotBlank();
            assertThat(payload(jwt).size()).as(field).isPositive();
            assertThatCode(() -> SignedJWT.parse(jwt).getJWTClaimsSet()).as(field).doesNotThrowAnyException();
        }
    }

    private static JsonNode payload(String jwt) throws Exception {
        return StrictJson.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** Token introspection as a resource server does it: a confidential client of the realm, made for the test. */
    private JsonNode introspect(String accessToken) throws Exception {
        String clientId = "resource-server-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        ClientRepresentation resourceServer = new ClientRepresentation();
        resourceServer.setClientId(clientId);
        resourceServer.setPublicClient(false);
        resourceServer.setSecret(secret);
        resourceServer.setStandardFlowEnabled(false);
        resourceServer.setServiceAccountsEnabled(false);
        // A real resource server is in the token's audience (an audience mapper); for a throwaway client, this switch.
        resourceServer.setAttributes(Map.of("allow.token.introspection.without.audience.check", "true"));
        String id;
        try (Response created = realm.clients().create(resourceServer)) {
            id = CreatedResponseUtil.getCreatedId(created);
        }
        try {
            String body = "token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8);
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(api.url(oidc.realmPath() + "/protocol/openid-connect/token/introspect")))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return StrictJson.parse(response.body());
        } finally {
            realm.clients().get(id).remove();
        }
    }

    /** What Spring Security's {@code NimbusJwtDecoder.withJwkSetUri(...)} plus an issuer validator checks. */
    private DefaultJWTProcessor<SecurityContext> springLikeProcessor() throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(api.url(oidc.realmPath() + "/protocol/openid-connect/certs")).toURL())
                .retrying(false)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer()).build(), Set.of("sub", "exp", "iat")));
        return processor;
    }

    private String issuer() {
        return api.url(oidc.realmPath());
    }

    private ClientResource customerApp() {
        List<ClientRepresentation> found = new ArrayList<>(realm.clients().findByClientId(TestStack.CLIENT_ID));
        return realm.clients().get(found.get(0).getId());
    }
}
