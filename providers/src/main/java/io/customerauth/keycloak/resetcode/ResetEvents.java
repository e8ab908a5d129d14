package io.customerauth.keycloak.resetcode;

import org.keycloak.models.UserModel;

/**
 * The events forgot and reset password record for the realm's admins; {@link RealmResetEvents} is Keycloak's. None
 * holds a code, a password, or the email of a request that was dropped.
 */
interface ResetEvents {

    /** {@code SEND_RESET_PASSWORD}: a code went out. */
    void codeMailed(UserModel user);

    /** {@code SEND_RESET_PASSWORD_ERROR email_send_failed}. */
    void codeMailFailed(UserModel user);

    /** {@code SEND_RESET_PASSWORD_ERROR realm_mail_limit_exceeded}, with the limit as its reason. */
    void realmMailLimitReached(UserModel user, String limit);

    /** {@code SEND_RESET_PASSWORD_ERROR address_limit_exceeded}, with the limit as its reason and no user. */
    void addressLimitReached(String limit);

    /** {@code RESET_PASSWORD_ERROR invalid_code}. */
    void wrongCode(UserModel user);

    /** {@code RESET_PASSWORD_ERROR password_rejected}. */
    void passwordRefused(UserModel user);

    /** {@code RESET_PASSWORD} and {@code UPDATE_CREDENTIAL}. */
    void passwordReset(UserModel user);
}
