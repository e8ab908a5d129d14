package io.customerauth.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown page of the documentation as GitHub renders it: its headings' anchors, its links, the lines of its code
 * blocks (fenced or indented) and the inline code of its prose. Each piece keeps the line it starts on, so a failure
 * names the place to fix.
 */
final class MarkdownPage {

    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    /** What GitHub drops from a heading's text to make its anchor: everything but letters, digits, '_', '-', ' '. */
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_\\- ]");

    /** A piece of the page and the line it starts on (1-based). */
    record Piece(String page, int line, String text) {
        @Override
        public String toString() {
            return page + ":" + line + ": " + text;
        }
    }

    private final Path file;
    private final String name;
    private final Set<String> anchors = new LinkedHashSet<>();
    private final List<Piece> links = new ArrayList<>();
    private final List<Piece> codeLines = new ArrayList<>();
    private final List<Piece> inlineCode = new ArrayList<>();

    private MarkdownPage(Path file, String name, List<String> lines) {
        this.file = file;
        this.name = name;
        parse(lines);
    }

    static MarkdownPage read(Path file, String name) {
        try {
            return new MarkdownPage(file, name, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    /** The page's path relative to the repository, as failures name it. */
    String name() {
        return name;
    }

    Set<String> anchors() {
        return anchors;
    }

    /** Link targets, as written. */
    List<Piece> links() {
        return links;
    }

    /** Every line of every code block, a command continued with a trailing backslash joined into one. */
    List<Piece> codeLines() {
        return codeLines;
    }

    /** The inline code spans of the prose and tables. */
    List<Piece> inlineCode() {
        return inlineCode;
    }

    private void parse(List<String> lines) {
        Map<String, Integer> anchorCounts = new HashMap<>();
        StringBuilder paragraph = new StringBuilder();
        int paragraphStart = 0;
        String fence = null;
        boolean indentedCode = false;
        boolean previousBlank = true;
        StringBuilder command = new StringBuilder();
        int commandStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            String trimmed = line.strip();
            if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                } else {
                    commandStart = addCode(command, commandStart, number, line);
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                flushParagraph(paragraph, paragraphStart);
                fence = trimmed.substring(0, 3);
                previousBlank = false;
                continue;
            }
            boolean indented = line.startsWith("    ") || line.startsWith("\t");
            if (indented && !trimmed.isEmpty() && (previousBlank || indentedCode)) {
                flushParagraph(paragraph, paragraphStart);
                indentedCode = true;
                commandStart = addCode(command, commandStart, number, line);
                previousBlank = false;
                continue;
            }
            indentedCode = false;
            if (trimmed.isEmpty()) {
                flushParagraph(paragraph, paragraphStart);
                previousBlank = true;
                continue;
            }
            previousBlank = false;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                flushParagraph(paragraph, paragraphStart);
                addAnchor(anchorCounts, heading.group(2));
                paragraphStart = number;
                paragraph.append(heading.group(2));
                flushParagraph(paragraph, paragraphStart);
                continue;
            }
            if (paragraph.isEmpty()) {
                paragraphStart = number;
            } else {
                paragraph.append('\n');
            }
            paragraph.append(line);
        }
        flushParagraph(paragraph, paragraphStart);
    }

    private int addCode(StringBuilder command, int commandStart, int number, String line) {
        int start = command.isEmpty() ? number : commandStart;
        if (line.endsWith("\\")) {
            command.append(line, 0, line.length() - 1).append(' ');
            return start;
        }
        command.append(line);
        codeLines.add(new Piece(name, start, command.toString().strip()));
        command.setLength(0);
        return start;
    }

    private void flushParagraph(StringBuilder paragraph, int start) {
        if (paragraph.isEmpty()) {
            return;
        }
        String text = paragraph.toString();
        Matcher code = INLINE_CODE.matcher(text);
        StringBuilder prose = new StringBuilder();
        int last = 0;
        while (code.find()) {
            inlineCode.add(new Piece(name, lineOf(text, code.start(), start), code.group(2).replace('\n', ' ').strip()));
            prose.append(text, last, code.start()).append(" ".repeat(code.end() - code.start()));
            last = code.end();
        }
        prose.append(text.substring(last));
        Matcher link = LINK.matcher(prose);
        while (link.find()) {
            links.add(new Piece(name, lineOf(text, link.start(), start), link.group(1)));
        }
        paragraph.setLength(0);
    }

    private static int lineOf(String text, int offset, int firstLine) {
        return firstLine + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /** GitHub's anchor of a heading: its text without markup, lower case, spaces as '-', '-N' for repeats. */
    private void addAnchor(Map<String, Integer> counts, String headingText) {
        String text = headingText.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "")
                .replace("*", "").toLowerCase(Locale.ROOT);
        String anchor = NOT_IN_ANCHOR.matcher(text).replaceAll("").replace(' ', '-');
        int seen = counts.merge(anchor, 1, Integer::sum);
        anchors.add(seen == 1 ? anchor : anchor + "-" + (seen - 1));
    }
}
