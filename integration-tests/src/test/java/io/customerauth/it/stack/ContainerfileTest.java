package io.customerauth.it.stack;

import io.customerauth.it.harness.ProductionOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack's Containerfile read as text, for what a running image cannot show by itself: the pinned Keycloak as its
 * base, the pack installed as every other way installs it (its tree copied over Keycloak's home), {@code kc.sh build}
 * with the harness's production build options, the JVM options of {@code config/keycloak.env}, {@code start
 * --optimized}, and a healthcheck that asks for status 200. Every base image it and docker-compose.yml name has a
 * local stand-in. PackImageIT runs the image.
 */
class ContainerfileTest {

    private static String containerfile;
    private static List<String> lines;

    @BeforeAll
    static void read() throws IOException {
        containerfile = Files.readString(RepoFiles.resolve("Containerfile"));
        lines = containerfile.replace("\\\n", " ").lines().map(String::strip).toList();
    }

    @Test
    void buildsOnTheOfficialImageOfThePinnedKeycloak() {
        String version = System.getProperty("keycloak.version");
        assertThat(version).as("system property keycloak.version (the POM's ${keycloak.version}; run through Maven)")
                .isNotBlank();

        assertThat(lines).contains("ARG KEYCLOAK_IMAGE=quay.io/keycloak/keycloak:" + version);
        assertThat(lines).filteredOn(line -> line.startsWith("FROM ${KEYCLOAK_IMAGE}")).hasSize(2);
    }

    @Test
    void installsThePackByCopyingItsTreeOverKeycloaksHomeAndBuildsWithTheProductionBuildOptions() {
        assertThat(lines).contains(
                "COPY --from=pack --chown=1000:0 /src/pack/target/customer-auth-pack/ /opt/keycloak/");
        List<String> build = lines.stream().filter(line -> line.startsWith("RUN /opt/keycloak/bin/kc.sh build"))
                .toList();
        assertThat(build).hasSize(1);
        List<String> options = List.of(build.get(0).substring("RUN /opt/keycloak/bin/kc.sh build".length()).strip()
                .split("\\s+"));
        assertThat(options).containsExactlyElementsOf(ProductionOptions.BUILD);
    }

    @Test
    void givesKeycloakTheJvmOptionsOfKeycloakEnv() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(RepoFiles.resolve("config/keycloak.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] nameAndValue = line.split("=", 2);
                expected.add("ENV " + nameAndValue[0] + "=\"" + nameAndValue[1] + "\"");
            }
        }

        assertThat(expected).isNotEmpty();
        assertThat(lines).containsAll(expected);
    }

    @Test
    void startsOptimizedAndIsHealthyOnlyWhenReadyAnswers200() {
        assertThat(lines).contains("ENTRYPOINT [\"/opt/keycloak/bin/kc.sh\"]",
                "CMD [\"start\", \"--optimized\", \"--import-realm\"]");
        String healthcheck = lines.stream().filter(line -> line.startsWith("HEALTHCHECK")).findFirst().orElseThrow();
        assertThat(healthcheck).contains("/health/ready").contains("[ \\\"$status\\\" = 200 ]")
                .doesNotContain("grep");
    }

    @Test
    void everyBaseImageTheProjectNamesHasALocalStandIn() throws IOException {
        List<String> images = new ArrayList<>();
        Matcher arg = Pattern.compile("(?m)^ARG [A-Z_]*IMAGE=(\\S+)$").matcher(containerfile);
        while (arg.find()) {
            images.add(arg.group(1));
        }
        ComposeFile.read().services().forEach(service -> {
            String image = service.path("image").asText();
            if (!image.startsWith("customer-auth/")) {
                images.add(image);
            }
        });

        assertThat(images).contains("postgres:17", "nginx:1.28", "eclipse-temurin:21-jre");
        for (String image : images) {
            String name = image.replaceAll(":.*", "").replaceAll(".*/", "").replace("eclipse-temurin", "temurin");
            Path standIn = RepoFiles.resolve("containers/stand-ins/" + name + "/Containerfile");
            assertThat(standIn).as("the stand-in for %s", image).exists();
            assertThat(Files.readAllLines(standIn).get(0)).as("what %s stands in for", standIn)
                    .startsWith("# Stands in for ");
        }
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndSecrets() throws IOException {
        List<String> ignored = Files.readAllLines(RepoFiles.resolve(".dockerignore"));

        assertThat(ignored).contains("**/target", ".env", ".git");
    }
}
