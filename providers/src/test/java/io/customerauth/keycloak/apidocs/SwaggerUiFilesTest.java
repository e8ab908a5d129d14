package io.customerauth.keycloak.apidocs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed copy of swagger-ui-dist ({@code providers/swagger-ui/}) is exactly what {@code update} took from the
 * npm registry, with its licence, and the jar carries those bytes: any edit, a missing file or a file nobody recorded
 * fails the build.
 */
class SwaggerUiFilesTest {

    private static final Path COPY = Path.of("swagger-ui");
    private static final String CHECKSUMS = "checksums.sha256";

    @Test
    void everyCommittedFileHasTheChecksumRecordedWhenItWasTakenFromTheRegistry() throws IOException {
        Map<String, String> recorded = recordedChecksums();

        assertThat(recorded).containsKeys("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE");
        recorded.forEach((file, checksum) -> assertThat(sha256(read(COPY.resolve(file)))).as(file).isEqualTo(checksum));
        try (Stream<Path> files = Files.list(COPY)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("files of providers/swagger-ui/ besides the checksums and the update script")
                    .filteredOn(name -> !List.of(CHECKSUMS, "update").contains(name))
                    .containsExactlyInAnyOrderElementsOf(recorded.keySet());
        }
    }

    @Test
    void theChecksumsNameTheReleaseAndItsTarballsIntegrity() throws IOException {
        String header = Files.readAllLines(COPY.resolve(CHECKSUMS)).get(0);

        assertThat(header).matches("# swagger-ui-dist \\d+\\.\\d+\\.\\d+ from the npm registry, tarball integrity "
                + "sha512-[A-Za-z0-9+/=]{88}");
    }

    @Test
    void theJarCarriesTheCommittedBytes() throws IOException {
        for (String file : recordedChecksums().keySet()) {
            try (InputStream in = ApiDocsPage.class.getResourceAsStream("swagger-ui/" + file)) {
                assertThat(in).as(file).isNotNull();
                assertThat(sha256(in.readAllBytes())).as(file).isEqualTo(recordedChecksums().get(file));
            }
        }
    }

    private static Map<String, String> recordedChecksums() throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(COPY.resolve(CHECKSUMS))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] checksumAndFile = line.split("\\s+", 2);
                checksums.put(checksumAndFile[1], checksumAndFile[0]);
            }
        }
        return checksums;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
