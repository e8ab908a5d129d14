package io.customerauth.it.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README and of {@code docs/} leads somewhere: the file or folder exists in the repository
 * (not outside it), and an anchor ({@code page.md#section}) is a heading of that page, as GitHub names it; so is
 * the runbook each alert rule names.
 */
class DocumentationLinksTest {

    private final Documentation docs = Documentation.read();

    @Test
    void everyRelativeLinkNamesAFileOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (MarkdownPage page : docs.pages()) {
            for (MarkdownPage.Piece link : page.links()) {
                if (isExternal(link.text())) {
                    continue;
                }
                String path = link.text().split("#", 2)[0];
                Path target = page.file().getParent().resolve(path).normalize();
                if (!target.startsWith(docs.root())) {
                    broken.add(link + " (outside the repository)");
                } else if (!Files.exists(target)) {
                    broken.add(link + " (no such file)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyAnchorIsAHeadingOfThePageItNames() {
        List<String> broken = new ArrayList<>();
        for (MarkdownPage page : docs.pages()) {
            for (MarkdownPage.Piece link : page.links()) {
                String[] pathAndAnchor = link.text().split("#", 2);
                if (isExternal(link.text()) || pathAndAnchor.length < 2) {
                    continue;
                }
                Path target = pathAndAnchor[0].isEmpty() ? page.file()
                        : page.file().getParent().resolve(pathAndAnchor[0]).normalize();
                Optional<MarkdownPage> linked = docs.page(target);
                if (linked.isEmpty()) {
                    broken.add(link + " (an anchor into a file that is not a page of the documentation)");
                } else if (!linked.get().anchors().contains(pathAndAnchor[1])) {
                    broken.add(link + " (no such heading; the page has " + linked.get().anchors() + ")");
                }
            }
        }
        assertThat(broken).as("broken anchors").isEmpty();
    }

    @Test
    void everyAlertsRunbookIsAHeadingOfTheDocs() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory())
                .readTree(docs.root().resolve("config/prometheus/customer-auth-alerts.yml").toFile());
        List<String> runbooks = new ArrayList<>();
        rules.path("groups").forEach(group -> group.path("rules").forEach(rule ->
                runbooks.add(rule.path("alert").asText() + " -> " + rule.path("annotations").path("runbook").asText())));

        assertThat(runbooks).isNotEmpty().allSatisfy(runbook -> {
            String[] pageAndAnchor = runbook.split(" -> ", 2)[1].split("#", 2);
            assertThat(pageAndAnchor).as(runbook).hasSize(2);
            assertThat(docs.page(docs.root().resolve(pageAndAnchor[0]))).as(runbook)
                    .hasValueSatisfying(page -> assertThat(page.anchors()).contains(pageAndAnchor[1]));
        });
    }

    @Test
    void theReadmeLinksEveryPageOfTheDocs() {
        MarkdownPage readme = docs.pages().get(0);
        List<String> linked = readme.links().stream().map(link -> link.text().split("#", 2)[0]).toList();

        assertThat(docs.pages().subList(1, docs.pages().size()))
                .as("pages of docs/ the README does not link")
                .allSatisfy(page -> assertThat(linked).contains(page.name()));
    }

    private static boolean isExternal(String target) {
        return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }
}
