package io.customerauth.it.harness;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings of the *Verification code by email* step of the realm's *customer reset credentials* flow, changed
 * through the admin API as the console's step settings change them; {@link #set} puts them back when closed.
 */
public final class ResetCodeStep implements AutoCloseable {

    public static final String FLOW = "customer reset credentials";
    public static final String PROVIDER_ID = "customer-reset-code";
    public static final String DISPLAY_NAME = "Verification code by email";
    public static final String CODE_LIFETIME = "codeLifetimeSeconds";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String THROTTLE = "throttleSeconds";
    public static final String REQUESTS_PER_ADDRESS = "requestsPerAddress";
    public static final String ADDRESS_WINDOW = "addressWindowSeconds";
    public static final String MAILS_PER_REALM = "mailsPerRealm";
    public static final String REALM_WINDOW = "realmWindowSeconds";

    private final RealmResource realm;
    private final Map<String, String> original;

    private ResetCodeStep(RealmResource realm, Map<String, String> changes) {
        this.realm = realm;
        this.original = settings(realm);
        apply(realm, changes);
    }

    /** Changes these settings (a null value removes one) until the returned object is closed. */
    public static ResetCodeStep set(RealmResource realm, Map<String, String> changes) {
        return new ResetCodeStep(realm, changes);
    }

    public static Map<String, String> settings(RealmResource realm) {
        return new HashMap<>(config(realm).getConfig());
    }

    /** Changes these settings for good; a null value removes one. */
    public static void apply(RealmResource realm, Map<String, String> changes) {
        AuthenticatorConfigRepresentation config = config(realm);
        Map<String, String> values = new HashMap<>(config.getConfig());
        changes.forEach((key, value) -> {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        });
        config.setConfig(values);
        realm.flows().updateAuthenticatorConfig(config.getId(), config);
    }

    private static AuthenticatorConfigRepresentation config(RealmResource realm) {
        AuthenticationManagementResource flows = realm.flows();
        String configId = flows.getExecutions(FLOW).stream()
                .filter(execution -> PROVIDER_ID.equals(execution.getProviderId()))
                .map(AuthenticationExecutionInfoRepresentation::getAuthenticationConfig)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no configured " + PROVIDER_ID + " step in " + FLOW));
        return flows.getAuthenticatorConfig(configId);
    }

    /** Puts back exactly the settings there were: a setting the test added goes away again. */
    @Override
    public void close() {
        AuthenticatorConfigRepresentation config = config(realm);
        config.setConfig(new HashMap<>(original));
        realm.flows().updateAuthenticatorConfig(config.getId(), config);
    }
}
