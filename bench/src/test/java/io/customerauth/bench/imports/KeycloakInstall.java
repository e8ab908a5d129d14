package io.customerauth.bench.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.customerauth.dev.stack.KeycloakEnvFile;

/**
 * The distribution as a production cluster runs it: {@code kc.sh build} once (PostgreSQL, health), then one
 * installation per node, the built files hard-linked and a {@code data/} folder of the node's own (transaction
 * logs, temporary files) holding the realm file and the password denylists, as an operator puts them on each node.
 */
final class KeycloakInstall {

    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");

    private final Path dist;

    private KeycloakInstall(Path dist) {
        this.dist = dist;
    }

    /** Builds the distribution Maven prepared (the pack in {@code providers/}, the realm in {@code data/import/}). */
    static KeycloakInstall build(Path dist, Path envFile, Path log) {
        List<String> command = new java.util.ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dist.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(KeycloakEnvFile.read(envFile));
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kc.sh build", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new KeycloakInstall(dist);
    }

    /** A fresh installation of the built distribution for one node, under {@code dir}. */
    Path node(Path dir) {
        try {
            deleteRecursively(dir);
            try (Stream<Path> files = Files.walk(dist)) {
                for (Path source : files.toList()) {
                    Path relative = dist.relativize(source);
                    boolean nodeData = relative.startsWith("data") && !relative.startsWith("data/import")
                            && !relative.startsWith("data/password-blacklists") && !relative.toString().equals("data");
                    if (nodeData) {
                        continue;
                    }
                    Path target = dir.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (relative.startsWith("data")) {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    } else {
                        try {
                            Files.createLink(target, source);
                        } catch (IOException | UnsupportedOperationException notLinkable) {
                            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not install a Keycloak node into " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
