package io.customerauth.keycloak.api;

import io.customerauth.keycloak.apidocs.ApiDocsPage;
import io.customerauth.keycloak.clientversion.ClientVersion;
import io.customerauth.keycloak.clientversion.MinimumClientVersion;
import io.customerauth.keycloak.customer.CustomerProfile;
import io.customerauth.keycloak.resetcode.ForgotPassword;
import io.customerauth.keycloak.resetcode.PasswordReset;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessTokenResponse;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer-auth JSON API of one realm, mounted at {@code /realms/{realm}/auth}. JAX-RS hands every path, by HTTP
 * method, to one dispatch through the route table ({@link ApiRoute}): a route asked with its method is answered by
 * its method here, a known route asked with another method is a JSON 405 with {@code Allow}, any other path a JSON
 * 404. The request handling every answer shares lives in {@link ApiCall}.
 */
public final class CustomerAuthResource {

    /** The path JAX-RS hands over: everything under the API, its root included. */
    static final String ANY_PATH = "{path: .*}";

    private final KeycloakSession session;
    private final ApiServices services;

    CustomerAuthResource(KeycloakSession session, ApiServices services) {
        this.session = session;
        this.services = services;
    }

    @GET
    @Path(ANY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("path") String path) {
        return dispatch("GET", path, null);
    }

    @POST
    @Path(ANY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("path") String path, InputStream body) {
        return dispatch("POST", path, body);
    }

    @PUT
    @Path(ANY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("path") String path) {
        return dispatch("PUT", path, null);
    }

    @DELETE
    @Path(ANY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("path") String path) {
        return dispatch("DELETE", path, null);
    }

    @PATCH
    @Path(ANY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch(@PathParam("path") String path) {
        return dispatch("PATCH", path, null);
    }

    /** CORS preflight for every route; browsers send no custom headers here, so no version check either. */
    @OPTIONS
    @Path(ANY_PATH)
    public Response preflight() {
        return ApiCors.preflight(session, services.settings().clientId());
    }

    private Response dispatch(String method, String path, InputStream body) {
        Optional<ApiRoute> known = ApiRoute.of(path);
        ApiRoute route = known.filter(candidate -> candidate.method().equals(method)).orElse(null);
        ApiCall call = new ApiCall(ApiRequest.of(session.getContext()), route, this::minimumClientVersion,
                services.metrics(), services.versionRefusals(),
                () -> session.getTransactionManager().setRollbackOnly());
        ApiAnswer answer = call.respond(() -> {
            if (route != null) {
                return route.answer(this, call, body);
            }
            throw known.map(other -> ApiException.of(405, ApiMessages.METHOD_NOT_ALLOWED)
                            .withHeader("Allow", other.allowHeader()))
                    .orElseGet(() -> ApiException.of(404, ApiMessages.NOT_FOUND));
        });
        return ApiResponses.of(answer, call.requestId(), session, services.settings().clientId());
    }

    private Optional<ClientVersion> minimumClientVersion() {
        RealmModel realm = session.getContext().getRealm();
        return MinimumClientVersion.of(realm, realm.getClientByClientId(services.settings().clientId()));
    }

    Object currentUser(ApiCall call, InputStream body) {
        CustomerProfile customer = call.identify(CustomerProfile.of(
                new BearerAuthentication(session, services.settings().clientId()).requireUser()));
        return Map.of("data", Map.of("user", customer.toJson()));
    }

    Object login(ApiCall call, InputStream body) {
        Fields fields = new Fields(JsonBody.read(call.headers(), body));
        String email = fields.requiredEmail("email");
        String password = fields.requiredString("password");
        fields.requireValid();
        PasswordLogin.LoggedIn loggedIn = new PasswordLogin(session, services.settings().clientId())
                .login(email, password)
                .orElseThrow(() -> ApiException.of(401, ApiMessages.INVALID_CREDENTIALS));
        AccessTokenResponse tokens = loggedIn.tokens();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jwt", tokens.getToken());
        data.put("user", call.identify(CustomerProfile.of(loggedIn.user())).toJson());
        data.put("refresh_token", tokens.getRefreshToken());
        data.put("expires_in", tokens.getExpiresIn());
        return Map.of("data", data);
    }

    Object forgotPassword(ApiCall call, InputStream body) {
        Fields fields = new Fields(JsonBody.read(call.headers(), body));
        String email = fields.requiredEmail("email");
        fields.requireValid();
        ForgotPassword.of(session, services.settings().clientId(), services.resetCodeOutcomes()).request(email);
        return Map.of("message", ApiMessages.FORGOT_PASSWORD_SENT);
    }

    Object resetPassword(ApiCall call, InputStream body) {
        Fields fields = new Fields(JsonBody.read(call.headers(), body));
        String email = fields.requiredEmail("email");
        String password = fields.requiredString("password");
        String code = fields.requiredString("verification_code");
        fields.requireValid();
        PasswordReset.Outcome outcome = PasswordReset.of(session, services.settings().clientId(),
                services.resetCodeOutcomes()).reset(email, code, password);
        if (outcome instanceof PasswordReset.PasswordRefused refused) {
            throw ApiException.invalidFields(Map.of("password", List.of(refused.reason())));
        }
        if (outcome instanceof PasswordReset.InvalidCode) {
            throw ApiException.of(400, ApiMessages.INVALID_CODE);
        }
        return Map.of("message", ApiMessages.PASSWORD_RESET);
    }

    Object version(ApiCall call, InputStream body) {
        return services.packInfo();
    }

    Object openApi(ApiCall call, InputStream body) {
        return services.openApi().forRealm(session.getContext(), services.packInfo());
    }

    /** The API page (Swagger UI on the document above) or one of its files, where the server turns it on. */
    Object apiDocs(ApiCall call, InputStream body) {
        ApiDocsPage page = services.apiDocs().orElseThrow(() -> ApiException.of(404, ApiMessages.NOT_FOUND));
        Optional<String> file = ApiRoute.DOCS.fileOf(call.pathUnderApi());
        ApiDocsPage.Document document = file.isEmpty()
                ? page.page(OpenApiDocument.apiUrl(session.getContext()), session.getContext().getRealm().getName())
                : page.file(file.get()).orElseThrow(() -> ApiException.of(404, ApiMessages.NOT_FOUND));
        return ApiAnswer.document(document.contentType(), document.bytes(), document.headers());
    }
}
