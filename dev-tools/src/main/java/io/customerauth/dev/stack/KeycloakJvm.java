package io.customerauth.dev.stack;

/**
 * Keycloak's JVM under a started {@code kc.sh}: kc.sh runs java as its child and waits for it, except after a
 * re-augmentation, when it replaces itself with java. So the JVM is kc.sh's java descendant if it has one, else
 * kc.sh's own process.
 */
public final class KeycloakJvm {

    private KeycloakJvm() {
    }

    public static ProcessHandle under(ProcessHandle kcSh) {
        return kcSh.descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElse(kcSh);
    }
}
