package io.customerauth.importer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class RecordReaderTest {

    @TempDir
    Path dir;

    @Test
    void streamsEveryElementOfTheArrayInOrder() throws Exception {
        Path file = write("[{\"email\":\"a@example.com\"}, 42, \"text\", null, {\"email\":\"b@example.com\"}]");

        try (RecordReader reader = RecordReader.open(file)) {
            List<JsonNode> nodes = readAll(reader);

            assertThat(nodes).hasSize(5);
            assertThat(nodes.get(0).get("email").asText()).isEqualTo("a@example.com");
            assertThat(nodes.get(1).asInt()).isEqualTo(42);
            assertThat(nodes.get(3).isNull()).isTrue();
            assertThat(reader.nextIndex()).isEqualTo(5);
            assertThat(reader.bytesRead()).isEqualTo(reader.fileSize());
        }
    }

    @Test
    void readsAnEmptyArray() throws Exception {
        try (RecordReader reader = RecordReader.open(write("  [ ]\n"))) {
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void refusesAFileThatIsNotAnArray() throws Exception {
        assertThatThrownBy(() -> RecordReader.open(write("{\"email\":\"a@example.com\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> RecordReader.open(write("email,customer_id\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RecordReader.open(write("")))
                .isInstanceOf(InputException.class).hasMessageContaining("not a JSON array");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> RecordReader.open(dir.resolve("missing.json")))
                .isInstanceOf(InputException.class).hasMessageContaining("File not found");
    }

    @Test
    void returnsTheRecordsBeforeAMalformedOneThenSaysWhere() throws Exception {
        Path file = write("[{\"email\":\"a@example.com\"},\n{\"email\":\"b@example.com\" \"password_hash\":\"$2b$secret\"}]");

        try (RecordReader reader = RecordReader.open(file)) {
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(reader::next)
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("Malformed JSON in record 1 at line 2")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void noticesATruncatedFile() throws Exception {
        try (RecordReader reader = RecordReader.open(write("[{\"email\":\"a@example.com\"},"))) {
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(reader::next).isInstanceOf(InputException.class).hasMessageContaining("The file ends");
        }
    }

    @Test
    void noticesContentAfterTheArray() throws Exception {
        try (RecordReader reader = RecordReader.open(write("[{}] [{}]"))) {
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(reader::next).isInstanceOf(InputException.class).hasMessageContaining("after the closing");
        }
    }

    private static List<JsonNode> readAll(RecordReader reader) throws InputException {
        List<JsonNode> nodes = new ArrayList<>();
        JsonNode node;
        while ((node = reader.next()) != null) {
            nodes.add(node);
        }
        return nodes;
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".json");
        Files.writeString(file, content);
        return file;
    }
}
