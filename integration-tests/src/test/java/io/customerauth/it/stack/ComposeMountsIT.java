package io.customerauth.it.stack;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file docker-compose.yml mounts from the repository exists once {@code mvn package} has run (failsafe runs
 * this after the package phase): the jars under the names the build gives them, at the project's version.
 */
class ComposeMountsIT {

    @Test
    void everyMountedFileOfTheRepositoryExistsAfterPackage() {
        ComposeFile compose = ComposeFile.read();
        List<String> mounted = new ArrayList<>();
        compose.services().fieldNames().forEachRemaining(service -> {
            for (String volume : compose.volumes(service)) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                    mounted.add(source);
                    assertThat(RepoFiles.resolve(source.substring(2))).as("%s's volume %s", service, volume)
                            .exists();
                }
            }
        });

        assertThat(mounted).contains(
                "./providers/target/customer-auth-providers-" + projectVersion() + ".jar",
                "./themes/target/customer-auth-themes-" + projectVersion() + ".jar",
                "./import-tool/target/customer-auth-import-tool-" + projectVersion() + "-all.jar",
                "./config/nginx/customer-auth.conf");
    }

    private static String projectVersion() {
        String version = System.getProperty("customerauth.project.version");
        assertThat(version).as("system property customerauth.project.version (run through Maven)").isNotBlank();
        return version;
    }
}
