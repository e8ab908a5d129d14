package io.customerauth.it.faults;

/**
 * A customer the load logs in, reads and resets, used by one virtual user at a time (several logins of one user in
 * flight at once count as brute force). A password whose reset got no clear answer is kept as a candidate until a
 * login settles which one holds.
 */
final class LoadCustomer {

    private final String email;
    private String password;
    private String candidatePassword;
    private String token;
    private long tokenAtMillis;
    private long forgotAtMillis;
    private int mailsBeforeForgot = -1;

    LoadCustomer(String email, String password) {
        this.email = email;
        this.password = password;
    }

    String email() {
        return email;
    }

    String password() {
        return password;
    }

    String candidatePassword() {
        return candidatePassword;
    }

    void passwordChanged(String newPassword) {
        password = newPassword;
        candidatePassword = null;
        token = null;
    }

    void passwordMaybeChanged(String newPassword) {
        candidatePassword = newPassword;
    }

    /** A token younger than four minutes (the realm's access tokens live five). */
    String freshToken(long nowMillis) {
        return token != null && nowMillis - tokenAtMillis < 240_000 ? token : null;
    }

    void loggedIn(String accessToken, long nowMillis) {
        token = accessToken;
        tokenAtMillis = nowMillis;
    }

    /** Whether a code may be asked for: the realm mails one customer at most once a minute. */
    boolean mayAskForCode(long nowMillis) {
        return nowMillis - forgotAtMillis > 61_000;
    }

    void askedForCode(long nowMillis, int mailsSoFar) {
        forgotAtMillis = nowMillis;
        mailsBeforeForgot = mailsSoFar;
    }

    /** How many mails this customer had before the code asked for last; -1 when none is awaited. */
    int mailsBeforeForgot() {
        return mailsBeforeForgot;
    }

    void codeUsed() {
        mailsBeforeForgot = -1;
    }
}
