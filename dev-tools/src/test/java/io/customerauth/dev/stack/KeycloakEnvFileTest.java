package io.customerauth.dev.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakEnvFileTest {

    @Test
    void takesEachValueAsItStandsAndSkipsCommentsAndBlankLines() {
        Map<String, String> environment = KeycloakEnvFile.parse(List.of("# why", "", "  A=1 ",
                "JAVA_OPTS_APPEND=-XX:CompileCommand=quiet -XX:CompileCommand=inline,a.B*::*", "EMPTY="));

        assertThat(environment).containsExactly(Map.entry("A", "1"),
                Map.entry("JAVA_OPTS_APPEND", "-XX:CompileCommand=quiet -XX:CompileCommand=inline,a.B*::*"),
                Map.entry("EMPTY", ""));
    }

    @Test
    void refusesALineThatIsNotKeyEqualsValue() {
        assertThatThrownBy(() -> KeycloakEnvFile.parse(List.of("# fine", "=value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void theRepositorysFileInlinesArgon2ForKeycloak() {
        Path repoFile = Path.of(System.getProperty("user.dir")).resolve("..").resolve(KeycloakEnvFile.PATH);

        assertThat(KeycloakEnvFile.read(repoFile).get("JAVA_OPTS_APPEND"))
                .contains("-XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*");
    }
}
