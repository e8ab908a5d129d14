package io.customerauth.keycloak.resetcode;

import org.keycloak.email.EmailException;
import org.keycloak.models.UserModel;

/** The two mails of forgot and reset password; {@link CustomerMail} sends them with the realm's email theme. */
interface ResetMail {

    void sendResetCode(UserModel user, String code, int lifetimeMinutes) throws EmailException;

    void sendPasswordChanged(UserModel user) throws EmailException;
}
