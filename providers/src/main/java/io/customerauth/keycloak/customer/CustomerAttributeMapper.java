package io.customerauth.keycloak.customer;

import io.customerauth.common.customer.CustomerAttributes;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the customer's {@code customer_id}, {@code country}, {@code language} and {@code email} into the access token,
 * the ID token, userinfo and introspection, with the same "add to ..." switches as Keycloak's own mappers.
 *
 * <p>In Keycloak a protocol mapper is its own factory, so this class is both.
 */
public final class CustomerAttributeMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "customer-attribute-mapper";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = configProperties();

    /** Keycloak's "add to access token, ID token, ..." switches, built once and never changed. */
    private static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, CustomerAttributeMapper.class);
        return List.copyOf(properties);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        CustomerProfile customer = CustomerProfile.of(userSession.getUser());
        putIfPresent(token, CustomerAttributes.CUSTOMER_ID, customer.customerId());
        putIfPresent(token, CustomerAttributes.COUNTRY, customer.country());
        putIfPresent(token, CustomerAttributes.LANGUAGE, customer.language());
        // Where Keycloak's own email mapper puts it: one map entry, never a second "email" key (RFC 7519 §4).
        putIfPresent(token, CustomerProfile.EMAIL, customer.email());
    }

    private static void putIfPresent(IDToken token, String claim, String value) {
        if (value != null) {
            token.getOtherClaims().put(claim, value);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Customer attributes";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the customer's customer_id, country, language and email claims, as the customer-auth API shows them.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
