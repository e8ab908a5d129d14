package io.customerauth.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The names the pinned Keycloak distribution knows, read from its jars (which Maven unpacks from the very
 * {@code keycloak-quarkus-dist} zip the integration tests run, into {@code customerauth.keycloak.jars}): its server
 * options and commands' flags (keycloak-config-api, keycloak-quarkus-server), and every string constant of its
 * server jars, among them the ids of its SPIs and providers and their option names.
 */
final class KeycloakNames {

    private static final List<String> OPTION_JARS = List.of("keycloak-config-api-", "keycloak-quarkus-server-");

    private final Set<String> optionStrings;
    private final Set<String> allStrings;

    private KeycloakNames(Set<String> optionStrings, Set<String> allStrings) {
        this.optionStrings = optionStrings;
        this.allStrings = allStrings;
    }

    static KeycloakNames read() {
        String dir = System.getProperty("customerauth.keycloak.jars");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property customerauth.keycloak.jars is not set (run through Maven)");
        }
        Set<String> options = new HashSet<>();
        Set<String> all = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of(dir))) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
                Set<String> strings = ClassFileStrings.of(jar);
                all.addAll(strings);
                if (OPTION_JARS.stream().anyMatch(prefix -> jar.getFileName().toString().contains(prefix))) {
                    options.addAll(strings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (options.isEmpty()) {
            throw new IllegalStateException("no keycloak-config-api or keycloak-quarkus-server jar under " + dir);
        }
        return new KeycloakNames(options, all);
    }

    /** {@code http-host} for {@code --http-host}, or a command's flag such as {@code --optimized}. */
    boolean hasServerOption(String name) {
        return optionStrings.contains(name) || optionStrings.contains("--" + name);
    }

    /** A string constant of Keycloak's server jars: an SPI's id, a provider's id, a provider option's name. */
    boolean hasName(String name) {
        return allStrings.contains(name);
    }
}
