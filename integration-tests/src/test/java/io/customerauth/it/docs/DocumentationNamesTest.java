package io.customerauth.it.docs;

import io.customerauth.it.harness.ProductionOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README and {@code docs/} show in code (code blocks and inline code) is what the project has: every file or
 * folder they name exists, every option they give {@code bin/dev}, {@code bin/import-customers}, {@code bench/run} or
 * Keycloak's {@code kc.sh} is one that command takes (Keycloak's from the pinned distribution itself), every API route
 * is in the OpenAPI document, every test class they name exists, and the production commands of the deploying page
 * carry the options the tests run Keycloak with ({@link ProductionOptions}).
 */
class DocumentationNamesTest {

    private static final Pattern TEST_CLASS = Pattern.compile("^[A-Z][A-Za-z0-9]*(?:IT|Test)$");
    private static final Pattern TEST_CLASS_PROPERTY = Pattern.compile("-Dit\\.test=([A-Za-z0-9,]+)");
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\bio\\.customerauth(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");

    private final Documentation docs = Documentation.read();
    private final RepositoryTree tree = RepositoryTree.read(docs.root());

    @Test
    void everyFileOrFolderNamedInCodeExists() {
        List<String> named = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        pieces().forEach(piece -> tree.pathsNamedIn(piece.text()).forEach(path -> {
            named.add(path);
            if (!tree.exists(path)) {
                missing.add(piece + "  ->  " + path);
            }
        }));

        assertThat(named).as("the check sees the paths of code blocks and inline code")
                .contains("bin/dev", "config/password-blacklists/customer-auth-common-passwords.txt", "providers/…/api");
        assertThat(missing).as("files and folders the docs name that the repository does not have").isEmpty();
    }

    @Test
    void everyOptionGivenToACommandIsOneItTakes() {
        ProjectCommands commands = ProjectCommands.read(docs.root());
        List<String> wrong = new ArrayList<>();
        pieces().forEach(piece -> commands.wrongOptions(piece.text())
                .forEach(problem -> wrong.add(piece + "  ->  " + problem)));
        docs.inlineCode().filter(span -> span.text().startsWith("--") && !ProjectCommands.runsACommand(span.text()))
                .filter(span -> !commands.isKnownOption(span.text().split("\\s", 2)[0]))
                .forEach(span -> wrong.add(span + "  ->  no command of the project, nor Keycloak, takes it"));

        for (String command : List.of("bin/dev --", "bin/import-customers ", "bench/run --", "kc.sh\" start --")) {
            assertThat(pieces()).as("the check sees a line that runs %s", command)
                    .anyMatch(piece -> piece.text().contains(command) && piece.text().contains(" --"));
        }
        assertThat(wrong).as("options the docs give that the commands do not take").isEmpty();
    }

    @Test
    void everyApiRouteNamedIsInTheOpenApiDocument() {
        ApiRoutes api = ApiRoutes.read(docs.root());
        List<String> named = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        docs.codeLines().forEach(line -> ApiRoutes.inCode(line.text()).forEach(path -> {
            named.add(path);
            if (!api.isRoute(path)) {
                unknown.add(line + "  ->  " + path);
            }
        }));
        docs.inlineCode().forEach(span -> ApiRoutes.inSpan(span.text()).forEach(path -> {
            named.add(path);
            if (!api.isRoute(path)) {
                unknown.add(span + "  ->  " + path);
            }
        }));

        assertThat(named).as("the check sees the README's curl, the API page's table and the seed's paths")
                .contains("/login/", "/", "/forgot_password/", "/reset_password/", "/version", "/openapi.json");
        assertThat(unknown).as("API routes the docs name that " + ApiRoutes.OPENAPI_DOCUMENT + " does not describe")
                .isEmpty();
    }

    @Test
    void everyClassNamedExists() {
        List<String> missing = new ArrayList<>();
        docs.inlineCode().filter(span -> TEST_CLASS.matcher(span.text()).matches())
                .filter(span -> !tree.hasJavaClass(span.text()))
                .forEach(span -> missing.add(span.toString()));
        pieces().forEach(piece -> {
            Matcher property = TEST_CLASS_PROPERTY.matcher(piece.text());
            while (property.find()) {
                Stream.of(property.group(1).split(",")).filter(name -> !tree.hasJavaClass(name))
                        .forEach(name -> missing.add(piece + "  ->  " + name));
            }
            Matcher qualified = QUALIFIED_CLASS.matcher(piece.text());
            while (qualified.find()) {
                if (!tree.hasQualifiedClass(qualified.group())) {
                    missing.add(piece + "  ->  " + qualified.group());
                }
            }
        });

        assertThat(missing).as("classes the docs name that the sources do not have").isEmpty();
    }

    @Test
    void theProductionCommandsRunKeycloakAsTheTestsDo() {
        List<String> kcLines = docs.pages().stream().filter(page -> page.name().equals("docs/deploying.md"))
                .flatMap(page -> page.codeLines().stream()).map(MarkdownPage.Piece::text)
                .filter(line -> line.contains("kc.sh")).toList();
        List<String> build = kcLines.stream().filter(line -> line.contains("kc.sh\" build")
                || line.contains("kc.sh build")).toList();
        List<String> start = kcLines.stream().filter(line -> line.contains(" start ")).toList();

        assertThat(build).as("docs/deploying.md shows kc.sh build").hasSize(1);
        assertThat(start).as("docs/deploying.md shows kc.sh start").hasSize(1);
        assertThat(ShellLine.commands(build.get(0)).get(0)).containsAll(ProductionOptions.BUILD);
        List<String> startWords = ShellLine.commands(start.get(0)).get(0);
        assertThat(startWords).contains("--optimized").containsAll(ProductionOptions.START);
        for (String option : ProductionOptions.PER_DEPLOYMENT) {
            assertThat(startWords).as("--%s has a value", option).anyMatch(word -> word.startsWith("--" + option + "="));
        }
    }

    /** Every code block line and inline code span of the docs. */
    private Stream<MarkdownPage.Piece> pieces() {
        return Stream.concat(docs.codeLines(), docs.inlineCode());
    }
}
