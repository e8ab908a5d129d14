package io.customerauth.dev.stack;

/** What bin/dev prints once Keycloak is ready. */
public final class Banner {

    private Banner() {
    }

    public static String text(StackSettings settings) {
        String base = settings.keycloakUrl();
        String realm = base + "/realms/" + StackSettings.REALM;
        String login = settings.adminUsername() + " / "
                + (settings.adminPasswordFromEnvironment() ? "$KC_BOOTSTRAP_ADMIN_PASSWORD" : settings.adminPassword());
        return """

                  Customer Auth for Keycloak is running (Keycloak %s, %s)

                  Admin console   %s/admin/
                  Admin login     %s   (created with the database; see --reset)
                  API base URL    %s/auth
                  OpenID config   %s/.well-known/openid-configuration
                  Mail catcher    http://localhost:%d/   (SMTP localhost:%d)
                  Log file        %s

                  Try it:
                    curl -H 'X-Client-Version: 2.1.0' %s/auth/version

                  Press Ctrl-C to stop everything.

                """.formatted(settings.keycloakVersion(), settings.databaseDescription(), base, login, realm, realm,
                settings.mailHttpPort(), settings.smtpPort(), settings.devLog(), realm);
    }
}
