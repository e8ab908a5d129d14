package io.customerauth.keycloak.tokenclaims;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;

import java.util.List;
import java.util.Map;

/**
 * Runs after every other mapper of a client and removes claims that would appear twice in the JSON of its access
 * tokens, ID tokens, userinfo, introspection and token responses ({@link UniqueClaims}), whatever scopes are asked
 * for and whichever mappers an admin adds. It applies to every kind of token regardless of "add to ..." switches:
 * a duplicate key is never right.
 *
 * <p>In Keycloak a protocol mapper is its own factory, so this class is both.
 */
public final class UniqueClaimsMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, OIDCAccessTokenResponseMapper {

    public static final String PROVIDER_ID = "unique-claims-mapper";

    private static final Logger LOG = Logger.getLogger(UniqueClaimsMapper.class);

    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel,
                                            KeycloakSession session, UserSessionModel userSession,
                                            ClientSessionContext clientSessionCtx) {
        return unique(token, token.getOtherClaims(), mappingModel);
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return unique(token, token.getOtherClaims(), mappingModel);
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel mappingModel,
                                              KeycloakSession session, UserSessionModel userSession,
                                              ClientSessionContext clientSessionCtx) {
        return unique(token, token.getOtherClaims(), mappingModel);
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel,
                                                   KeycloakSession session, UserSessionModel userSession,
                                                   ClientSessionContext clientSessionCtx) {
        return unique(token, token.getOtherClaims(), mappingModel);
    }

    @Override
    public AccessTokenResponse transformAccessTokenResponse(AccessTokenResponse response,
                                                            ProtocolMapperModel mappingModel,
                                                            KeycloakSession session, UserSessionModel userSession,
                                                            ClientSessionContext clientSessionCtx) {
        return unique(response, response.getOtherClaims(), mappingModel);
    }

    private static <T> T unique(T token, Map<String, Object> otherClaims, ProtocolMapperModel mappingModel) {
        List<String> dropped = UniqueClaims.enforce(token, otherClaims);
        if (!dropped.isEmpty()) {
            LOG.debugf("mapper %s: dropped the duplicate claims %s of a %s; Keycloak's own values kept",
                    mappingModel.getName(), dropped, token.getClass().getSimpleName());
        }
        return token;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        // every transform is overridden above: nothing is ever added
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Unique claims";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Runs last and removes claims that another mapper wrote under the name of a standard claim, so every"
                + " token has unique claim names and strict JWT libraries accept it.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
