package io.customerauth.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The repository's own files and folders (build output, {@code .git} and {@code node_modules} left out), and the
 * paths the docs name in them: a word that starts with a top-level folder, {@code bin/dev} or
 * {@code providers/…/api}, where {@code …} stands for any folders and {@code *} for part of a name.
 */
final class RepositoryTree {

    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "node_modules");

    private final Path root;
    private final List<String> paths;
    private final Pattern pathInText;

    private RepositoryTree(Path root) {
        this.root = root;
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (NOT_SOURCES.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    add(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    add(file);
                    return FileVisitResult.CONTINUE;
                }

                private void add(Path path) {
                    if (!path.equals(root)) {
                        found.add(root.relativize(path).toString().replace('\\', '/'));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths = List.copyOf(found);
        String topFolders = paths.stream().filter(path -> !path.contains("/") && Files.isDirectory(root.resolve(path)))
                .map(Pattern::quote).collect(Collectors.joining("|"));
        pathInText = Pattern.compile("(?<![\\w./$~{@-])(?:" + topFolders + ")/[^\\s`'\"()\\[\\]<>,;:|]*");
    }

    static RepositoryTree read(Path root) {
        return new RepositoryTree(root);
    }

    /** The repository paths a piece of text names; build output and paths with variables are not the tree's. */
    List<String> pathsNamedIn(String text) {
        Matcher path = pathInText.matcher(text);
        List<String> named = new ArrayList<>();
        while (path.find()) {
            String found = path.group().replaceAll("[.]+$", "");
            if (!found.contains("/target/") && !found.contains("$") && !found.contains("{")) {
                named.add(found);
            }
        }
        return named;
    }

    boolean exists(String path) {
        if (path.contains("…") || path.contains("*")) {
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            StringBuilder regex = new StringBuilder();
            for (char c : trimmed.toCharArray()) {
                regex.append(c == '…' ? ".+" : c == '*' ? "[^/]*" : Pattern.quote(String.valueOf(c)));
            }
            Pattern pattern = Pattern.compile(regex.toString());
            return paths.stream().anyMatch(candidate -> pattern.matcher(candidate).matches());
        }
        return Files.exists(root.resolve(path));
    }

    /** Whether a Java class of this simple name ({@code MetricsIT}) is among the sources. */
    boolean hasJavaClass(String simpleName) {
        String file = "/" + simpleName + ".java";
        return paths.stream().anyMatch(path -> path.endsWith(file));
    }

    /** Whether a class named in full ({@code io.customerauth.dev.DevStack}) is among the sources. */
    boolean hasQualifiedClass(String qualifiedName) {
        String file = "/" + qualifiedName.replace('.', '/') + ".java";
        return paths.stream().anyMatch(path -> path.endsWith(file));
    }
}
