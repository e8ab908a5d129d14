package io.customerauth.it.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped denylist is what docs/security.md and its NOTICE promise, in the form Keycloak's policy reads. */
class PasswordDenylistFileTest {

    private static final Path DIR = RepoFiles.resolve("config/password-blacklists");

    @Test
    void holdsThe3000MostCommonPasswordsThePolicyWouldOtherwiseAcceptLowercaseAndDistinct() throws IOException {
        List<String> passwords = Files.readAllLines(DIR.resolve("customer-auth-common-passwords.txt"),
                StandardCharsets.UTF_8);

        assertThat(passwords).hasSize(3000);
        assertThat(new HashSet<>(passwords)).hasSize(3000);
        assertThat(passwords).allSatisfy(password -> {
            assertThat(password).isEqualTo(password.toLowerCase(Locale.ROOT)).doesNotContainAnyWhitespaces();
            assertThat(password.length()).isBetween(8, 128);
        });
        assertThat(passwords.subList(0, 3)).containsExactly("password", "12345678", "123456789");
        assertThat(passwords).contains("password123", "iloveyou");
    }

    @Test
    void saysWhereItComesFromAndUnderWhichLicence() throws IOException {
        String notice = Files.readString(DIR.resolve("NOTICE"), StandardCharsets.UTF_8);

        assertThat(notice).contains("zxcvbn 4.4.2", "MIT", "Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.");
    }
}
