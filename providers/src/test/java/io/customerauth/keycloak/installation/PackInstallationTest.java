package io.customerauth.keycloak.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackInstallationTest {

    @TempDir
    Path keycloakData;

    @Test
    void jarsInstalledWithoutTheDenylistSayHowToInstallThePackWhole() {
        Path directory = PackInstallation.denylistDirectory(null, null, keycloakData.toString());

        assertThat(PackInstallation.missingPiece(directory)).hasValueSatisfying(message -> assertThat(message)
                .contains(keycloakData.resolve("password-blacklists/customer-auth-common-passwords.txt").toString())
                .contains("unzip customer-auth-pack-VERSION.zip into Keycloak's home directory")
                .contains("docs/deploying.md"));
    }

    @Test
    void theWholePackSaysNothing() throws IOException {
        Path directory = Files.createDirectories(keycloakData.resolve("password-blacklists"));
        Files.writeString(directory.resolve("customer-auth-common-passwords.txt"), "123456\n");

        assertThat(PackInstallation.missingPiece(
                PackInstallation.denylistDirectory(null, null, keycloakData.toString()))).isEmpty();
    }

    @Test
    void looksWhereKeycloaksDenylistPolicyLooks() {
        assertThat(PackInstallation.denylistDirectory("/from/property", "/from/option", "/data"))
                .isEqualTo(Path.of("/from/property"));
        assertThat(PackInstallation.denylistDirectory(null, "/from/option", "/data")).isEqualTo(Path.of("/from/option"));
        assertThat(PackInstallation.denylistDirectory("", " ", "/data")).isEqualTo(Path.of("/data/password-blacklists"));
    }
}
