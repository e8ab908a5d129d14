package io.customerauth.bench.load;

import io.customerauth.bench.stack.AdminApi;
import io.customerauth.bench.stack.BenchUsers;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The requests of each pair, as an app sends them: A through the pack's JSON API, B through Keycloak's own endpoint
 * for the same job. Every request saves its status and time for the {@link io.customerauth.bench.measure.Recorder};
 * the session attributes they read are set by {@link Pairs} ({@code email}, {@code token}, {@code code}, ...).
 */
final class Requests {

    static final String STATUS = "status";
    static final String MILLIS = "millis";
    static final String TOKEN = "token";
    static final String ADMIN_TOKEN = "adminToken";

    private static final String REALM = "/realms/customers";
    private static final String API = REALM + "/auth";
    private static final String OIDC = REALM + "/protocol/openid-connect";

    private Requests() {
    }

    /** A: the pack's login; keeps the access token it returns. */
    static HttpRequestActionBuilder apiLogin(String name) {
        return http(name).post(API + "/login/")
                .header("Content-Type", "application/json")
                .body(StringBody(session -> "{\"email\":\"" + session.getString("email") + "\",\"password\":\""
                        + BenchUsers.PASSWORD + "\"}"))
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS),
                        jsonPath("$.data.jwt").optional().saveAs(TOKEN));
    }

    /** B: Keycloak's password grant for the same client, user and scope. */
    static HttpRequestActionBuilder tokenEndpoint(String name) {
        return http(name).post(OIDC + "/token")
                .formParam("grant_type", "password")
                .formParam("client_id", "customer-app")
                .formParam("username", "#{email}")
                .formParam("password", BenchUsers.PASSWORD)
                .formParam("scope", "openid")
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS),
                        jsonPath("$.access_token").optional().saveAs(TOKEN));
    }

    /** A: the current user. */
    static HttpRequestActionBuilder apiMe(String name) {
        return http(name).get(API + "/")
                .header("Authorization", "Bearer #{token}")
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS));
    }

    /** B: userinfo with the same kind of token. */
    static HttpRequestActionBuilder userinfo(String name) {
        return http(name).get(OIDC + "/userinfo")
                .header("Authorization", "Bearer #{token}")
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS));
    }

    /** A and B of the forgot-password pair, and the code request before a reset: the email decides. */
    static HttpRequestActionBuilder forgot(String name) {
        return http(name).post(API + "/forgot_password/")
                .header("Content-Type", "application/json")
                .body(StringBody(session -> "{\"email\":\"" + session.getString("email") + "\"}"))
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS));
    }

    /** A: reset with the mailed code. */
    static HttpRequestActionBuilder apiReset(String name) {
        return http(name).post(API + "/reset_password/")
                .header("Content-Type", "application/json")
                .body(StringBody(session -> "{\"email\":\"" + session.getString("email")
                        + "\",\"verification_code\":\"" + session.getString("code") + "\",\"password\":\""
                        + BenchUsers.NEW_PASSWORD + "\"}"))
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS));
    }

    /** B: an admin sets the password through Keycloak's admin API. */
    static HttpRequestActionBuilder adminReset(String name) {
        return http(name).put("/admin" + REALM + "/users/#{userId}/reset-password")
                .header("Authorization", "Bearer #{adminToken}")
                .header("Content-Type", "application/json")
                .body(StringBody("{\"type\":\"password\",\"value\":\"" + BenchUsers.NEW_PASSWORD
                        + "\",\"temporary\":false}"))
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS));
    }

    /** The admin's token for B of the reset pair (unmeasured; the master realm's tokens live 60 s). */
    static HttpRequestActionBuilder adminToken(String name) {
        return http(name).post(AdminApi.masterTokenPath())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(StringBody(AdminApi.adminTokenForm()))
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(MILLIS),
                        jsonPath("$.access_token").optional().saveAs(ADMIN_TOKEN));
    }
}
