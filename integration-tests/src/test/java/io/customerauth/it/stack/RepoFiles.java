package io.customerauth.it.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own files, for plain tests that read them without a server: found from the working directory up. */
public final class RepoFiles {

    private RepoFiles() {
    }

    public static Path resolve(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("realm-export"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("not inside the project: " + Path.of("").toAbsolutePath());
    }
}
