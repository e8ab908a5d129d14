package io.customerauth.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pack's providers as their sources declare them: each factory's {@code PROVIDER_ID}, and the string literals of
 * its package (its SPI's name, its option names), so an option the docs quote for one of the pack's providers is
 * checked against the code that reads it.
 */
final class PackSources {

    private static final Pattern PROVIDER_ID = Pattern.compile("PROVIDER_ID\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Set<Path>> packagesByProviderId = new HashMap<>();
    private final Map<Path, Set<String>> literalsByPackage = new HashMap<>();

    private PackSources(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Path packageDir = file.getParent();
                Matcher literal = STRING_LITERAL.matcher(text);
                while (literal.find()) {
                    literalsByPackage.computeIfAbsent(packageDir, dir -> new HashSet<>()).add(literal.group(1));
                }
                Matcher id = PROVIDER_ID.matcher(text);
                while (id.find()) {
                    packagesByProviderId.computeIfAbsent(id.group(1), key -> new HashSet<>()).add(packageDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PackSources read(Path repository) {
        return new PackSources(repository.resolve("providers/src/main/java"));
    }

    boolean isPackProvider(String providerId) {
        return packagesByProviderId.containsKey(providerId);
    }

    /** Whether the package of the pack's provider {@code providerId} has one of these string literals. */
    boolean providerPackageHasLiteral(String providerId, List<String> candidates) {
        return packagesByProviderId.getOrDefault(providerId, Set.of()).stream()
                .map(dir -> literalsByPackage.getOrDefault(dir, Set.of()))
                .anyMatch(literals -> candidates.stream().anyMatch(literals::contains));
    }
}
