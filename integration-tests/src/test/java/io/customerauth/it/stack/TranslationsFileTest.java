package io.customerauth.it.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the pack shows a customer or an admin exists in English and in French. */
class TranslationsFileTest {

    private static final List<String> MESSAGE_DIRS = List.of(
            "themes/src/main/resources/theme/customer-auth/login/messages",
            "themes/src/main/resources/theme/customer-auth/email/messages",
            "providers/src/main/resources/theme-resources/messages");

    @Test
    void everyEnglishTextHasAFrenchOneAndNoneIsEmpty() throws IOException {
        for (String dir : MESSAGE_DIRS) {
            Properties english = read(RepoFiles.resolve(dir).resolve("messages_en.properties"));
            Properties french = read(RepoFiles.resolve(dir).resolve("messages_fr.properties"));

            assertThat(french.keySet()).as(dir).containsExactlyInAnyOrderElementsOf(english.keySet());
            assertThat(french.values()).as(dir).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
        }
    }

    @Test
    void theLoginPagesSayWhatTheApiSaysWordForWord() throws IOException {
        Properties english = read(RepoFiles.resolve(MESSAGE_DIRS.get(0)).resolve("messages_en.properties"));

        assertThat(english.getProperty("customerResetCodeSent"))
                .isEqualTo("If you have an account, you will receive an email with instructions to reset your password.");
        assertThat(english.getProperty("customerResetCodeInvalid")).isEqualTo("Invalid or expired verification code.");
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
