package io.customerauth.keycloak.resetcode;

import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.List;

/** The events as {@code "name user"} lines, in order. */
final class RecordingEvents implements ResetEvents {

    final List<String> recorded = new ArrayList<>();

    @Override
    public void codeMailed(UserModel user) {
        recorded.add("code_mailed " + user.getId());
    }

    @Override
    public void codeMailFailed(UserModel user) {
        recorded.add("code_mail_failed " + user.getId());
    }

    @Override
    public void realmMailLimitReached(UserModel user, String limit) {
        recorded.add("realm_mail_limit " + user.getId() + " " + limit);
    }

    @Override
    public void addressLimitReached(String limit) {
        recorded.add("address_limit " + limit);
    }

    @Override
    public void wrongCode(UserModel user) {
        recorded.add("wrong_code " + user.getId());
    }

    @Override
    public void passwordRefused(UserModel user) {
        recorded.add("password_refused " + user.getId());
    }

    @Override
    public void passwordReset(UserModel user) {
        recorded.add("password_reset " + user.getId());
    }
}
