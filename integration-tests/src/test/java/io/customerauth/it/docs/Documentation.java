package io.customerauth.it.docs;

import io.customerauth.it.stack.RepoFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The project's documentation: {@code README.md} and every Markdown page under {@code docs/}. */
final class Documentation {

    private final Path root;
    private final List<MarkdownPage> pages;

    private Documentation(Path root, List<MarkdownPage> pages) {
        this.root = root;
        this.pages = pages;
    }

    static Documentation read() {
        Path root = RepoFiles.resolve("");
        List<MarkdownPage> pages = new ArrayList<>();
        pages.add(MarkdownPage.read(root.resolve("README.md"), "README.md"));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted()
                    .forEach(file -> pages.add(MarkdownPage.read(file, root.relativize(file).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Documentation(root, pages);
    }

    Path root() {
        return root;
    }

    List<MarkdownPage> pages() {
        return pages;
    }

    Optional<MarkdownPage> page(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return pages.stream().filter(page -> page.file().toAbsolutePath().normalize().equals(wanted)).findFirst();
    }

    Stream<MarkdownPage.Piece> codeLines() {
        return pages.stream().flatMap(page -> page.codeLines().stream());
    }

    Stream<MarkdownPage.Piece> inlineCode() {
        return pages.stream().flatMap(page -> page.inlineCode().stream());
    }
}
