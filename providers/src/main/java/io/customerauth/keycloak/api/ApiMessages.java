package io.customerauth.keycloak.api;

/** Every message the API answers with, in one place, so that identical cases give byte-identical bodies. */
final class ApiMessages {

    static final String INVALID_INPUT = "Invalid input.";
    static final String MISSING_FIELD = "Missing data for required field.";
    static final String NULL_FIELD = "Field may not be null.";
    static final String NOT_A_STRING = "Not a valid string.";
    static final String NOT_AN_EMAIL = "Not a valid email address.";
    static final String NOT_JSON = "The request body is not valid JSON.";
    static final String NOT_A_JSON_OBJECT = "The request body must be a JSON object.";
    static final String UNSUPPORTED_MEDIA_TYPE = "The request body must be application/json.";
    static final String BODY_TOO_LARGE = "The request body is larger than 16 KiB.";
    static final String INVALID_CREDENTIALS = "Invalid email or password.";
    static final String INVALID_TOKEN = "Missing, invalid or expired access token.";
    static final String FORGOT_PASSWORD_SENT =
            "If you have an account, you will receive an email with instructions to reset your password.";
    static final String PASSWORD_RESET = "Password reset.";
    static final String INVALID_CODE = "Invalid or expired verification code.";
    static final String INTERNAL_ERROR = "Internal server error.";
    static final String NOT_FOUND = "Not found.";
    static final String METHOD_NOT_ALLOWED = "Method not allowed.";

    private ApiMessages() {
    }
}
