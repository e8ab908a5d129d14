package io.customerauth.keycloak.resetcode;

import org.keycloak.email.EmailException;
import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.List;

/** Mails as {@code "kind user [code]"} lines; {@link #failing} makes every send throw, as an SMTP outage does. */
final class RecordingMail implements ResetMail {

    final List<String> sent = new ArrayList<>();
    boolean failing;

    @Override
    public void sendResetCode(UserModel user, String code, int lifetimeMinutes) throws EmailException {
        send("code " + user.getId() + " " + code);
    }

    @Override
    public void sendPasswordChanged(UserModel user) throws EmailException {
        send("password_changed " + user.getId());
    }

    private void send(String mail) throws EmailException {
        if (failing) {
            throw new EmailException("connection refused", null);
        }
        sent.add(mail);
    }
}
