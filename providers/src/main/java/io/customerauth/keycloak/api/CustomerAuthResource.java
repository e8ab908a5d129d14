package io.customerauth.keycloak.api;

import io.customerauth.keycloak.apidocs.ApiDocsPage;
import io.customerauth.keycloak.customer.CustomerProfile;
import io.customerauth.keycloak.resetcode.ForgotPassword;
import io.customerauth.keycloak.resetcode.PasswordReset;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.AccessTokenResponse;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer-auth JSON API of one realm, mounted at {@code /realms/{realm}/auth}. Each route is a few lines:
 * the request handling they share lives in {@link ApiCall}.
 */
public final class CustomerAuthResource {

    private final KeycloakSession session;
    private final ApiSettings settings;
    private final PackInfo packInfo;
    private final OpenApiDocument openApi;
    private final Optional<ApiDocsPage> apiDocs;

    CustomerAuthResource(KeycloakSession session, ApiSettings settings, PackInfo packInfo, OpenApiDocument openApi,
                         Optional<ApiDocsPage> apiDocs) {
        this.session = session;
        this.settings = settings;
        this.packInfo = packInfo;
        this.openApi = openApi;
        this.apiDocs = apiDocs;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response currentUser() {
        ApiCall call = new ApiCall(session, settings, ApiRoute.CURRENT_USER);
        return call.respond(() -> {
            CustomerProfile customer = call.identify(
                    CustomerProfile.of(new BearerAuthentication(session, settings.clientId()).requireUser()));
            return Map.of("data", Map.of("user", customer.toJson()));
        });
    }

    @POST
    @Path("login{slash: /?}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(InputStream body) {
        ApiCall call = new ApiCall(session, settings, ApiRoute.LOGIN);
        return call.respond(() -> {
            Fields fields = new Fields(JsonBody.read(call.headers(), body));
            String email = fields.requiredEmail("email");
            String password = fields.requiredString("password");
            fields.requireValid();
            PasswordLogin.LoggedIn loggedIn = new PasswordLogin(session, settings.clientId()).login(email, password)
                    .orElseThrow(() -> ApiException.of(401, ApiMessages.INVALID_CREDENTIALS));
            AccessTokenResponse tokens = loggedIn.tokens();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("jwt", tokens.getToken());
            data.put("user", call.identify(CustomerProfile.of(loggedIn.user())).toJson());
            data.put("refresh_token", tokens.getRefreshToken());
            data.put("expires_in", tokens.getExpiresIn());
            return Map.of("data", data);
        });
    }

    @POST
    @Path("forgot_password{slash: /?}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response forgotPassword(InputStream body) {
        ApiCall call = new ApiCall(session, settings, ApiRoute.FORGOT_PASSWORD);
        return call.respond(() -> {
            Fields fields = new Fields(JsonBody.read(call.headers(), body));
            String email = fields.requiredEmail("email");
            fields.requireValid();
            new ForgotPassword(session, settings.clientId()).request(email);
            return Map.of("message", ApiMessages.FORGOT_PASSWORD_SENT);
        });
    }

    @POST
    @Path("reset_password{slash: /?}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetPassword(InputStream body) {
        ApiCall call = new ApiCall(session, settings, ApiRoute.RESET_PASSWORD);
        return call.respond(() -> {
            Fields fields = new Fields(JsonBody.read(call.headers(), body));
            String email = fields.requiredEmail("email");
            String password = fields.requiredString("password");
            String code = fields.requiredString("verification_code");
            fields.requireValid();
            PasswordReset.Outcome outcome = new PasswordReset(session, settings.clientId())
                    .reset(email, code, password);
            if (outcome instanceof PasswordReset.PasswordRefused refused) {
                throw ApiException.invalidFields(Map.of("password", List.of(refused.reason())));
            }
            if (outcome instanceof PasswordReset.InvalidCode) {
                throw ApiException.of(400, ApiMessages.INVALID_CODE);
            }
            return Map.of("message", ApiMessages.PASSWORD_RESET);
        });
    }

    /**
     * Unknown routes answer a JSON 404, and known routes asked with another method a JSON 405 with {@code Allow}.
     * JAX-RS allows one HTTP method per resource method, hence one each; the API's root has its own.
     */
    @GET
    @Path("{unknown: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unknownGet(@PathParam("unknown") String path) {
        return noSuchRoute(path);
    }

    @POST
    @Path("{unknown: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unknownPost(@PathParam("unknown") String path) {
        return noSuchRoute(path);
    }

    @PUT
    @Path("{unknown: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unknownPut(@PathParam("unknown") String path) {
        return noSuchRoute(path);
    }

    @DELETE
    @Path("{unknown: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unknownDelete(@PathParam("unknown") String path) {
        return noSuchRoute(path);
    }

    @PATCH
    @Path("{unknown: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unknownPatch(@PathParam("unknown") String path) {
        return noSuchRoute(path);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response rootPost() {
        return noSuchRoute("");
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Response rootPut() {
        return noSuchRoute("");
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response rootDelete() {
        return noSuchRoute("");
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    public Response rootPatch() {
        return noSuchRoute("");
    }

    private Response noSuchRoute(String path) {
        return new ApiCall(session, settings, null).respond(() -> {
            throw ApiRoute.of(path)
                    .map(route -> ApiException.of(405, ApiMessages.METHOD_NOT_ALLOWED)
                            .withHeader("Allow", route.allowHeader()))
                    .orElseGet(() -> ApiException.of(404, ApiMessages.NOT_FOUND));
        });
    }

    /** CORS preflight for every route; browsers send no custom headers here, so no version check either. */
    @OPTIONS
    @Path("{any: .*}")
    public Response preflight() {
        return ApiCors.preflight(session, settings.clientId());
    }

    /** The API's OpenAPI document: open to every client, whatever its version. */
    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() {
        return new ApiCall(session, settings, ApiRoute.OPENAPI)
                .respondToAnyVersion(() -> openApi.forRealm(session.getContext(), packInfo));
    }

    /** The API page (Swagger UI on the document above) where the server turns it on; a JSON 404 elsewhere. */
    @GET
    @Path("docs{slash: /?}")
    public Response apiDocsPage() {
        return new ApiCall(session, settings, ApiRoute.DOCS).respondWithDocument(() -> document(enabledApiDocs()
                .page(OpenApiDocument.apiUrl(session.getContext()), session.getContext().getRealm().getName())));
    }

    /** The page's scripts and styles, bundled in the pack's jar. */
    @GET
    @Path("docs/{file}")
    public Response apiDocsFile(@PathParam("file") String file) {
        return new ApiCall(session, settings, ApiRoute.DOCS).respondWithDocument(() -> document(enabledApiDocs()
                .file(file).orElseThrow(() -> ApiException.of(404, ApiMessages.NOT_FOUND))));
    }

    private ApiDocsPage enabledApiDocs() {
        return apiDocs.orElseThrow(() -> ApiException.of(404, ApiMessages.NOT_FOUND));
    }

    private static Response document(ApiDocsPage.Document document) {
        Response.ResponseBuilder response = Response.ok(document.bytes(), document.contentType());
        document.headers().forEach(response::header);
        return response.build();
    }

    @GET
    @Path("version{slash: /?}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response version() {
        return new ApiCall(session, settings, ApiRoute.VERSION).respond(() -> packInfo);
    }
}
