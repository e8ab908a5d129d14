package io.customerauth.it.harness;

import io.customerauth.dev.process.SupervisedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Keycloak distribution as production runs it: the pack installed (its tree, {@code pack/target/customer-auth-pack},
 * copied over Keycloak's home, as bin/dev, the benchmark and the Containerfile install it), {@code kc.sh build} with
 * {@link ProductionOptions#BUILD}, then every node {@code start --optimized} from an installation of its own.
 *
 * <p>The built distribution is kept under {@code target/keycloak-built/<key>}, the key being a hash of the pack's
 * files and the build options, so a run whose pack did not change skips the build (about 25 s here); a change of
 * either builds afresh and drops the old one. The unpacked distribution from Maven Central stays untouched.
 */
final class KeycloakDistribution {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final HarnessSettings settings;

    private KeycloakDistribution(Path home, HarnessSettings settings) {
        this.home = home;
        this.settings = settings;
    }

    /** The built distribution for this run's jars, built now unless an earlier run left the same one. */
    static synchronized KeycloakDistribution built(HarnessSettings settings) {
        try {
            Path root = Files.createDirectories(settings.builtDists());
            Path home = root.resolve(key(settings));
            if (!Files.isDirectory(home)) {
                build(settings, root, home);
            }
            return new KeycloakDistribution(home, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the built Keycloak distribution", e);
        }
    }

    /**
     * A node's own installation under {@code dir}, made afresh: the built files hard-linked (nothing under them is
     * written by {@code start --optimized}), and a {@code data/} directory of its own (transaction logs, temporary
     * files) holding the pack's {@code data/}: the realm in {@code data/import/} and the password denylist in
     * {@code data/password-blacklists/}, what an operator puts on each node.
     */
    Path installNode(Path dir) {
        try {
            deleteRecursively(dir);
            try (Stream<Path> files = Files.walk(home)) {
                for (Path source : files.toList()) {
                    Path relative = home.relativize(source);
                    if (relative.startsWith("data")) {
                        continue;
                    }
                    Path target = dir.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        linkOrCopy(source, target);
                    }
                }
            }
            copyTree(settings.pack().resolve("data"), dir.resolve("data"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not install a Keycloak node into " + dir, e);
        }
    }

    private static void build(HarnessSettings settings, Path root, Path home) throws IOException {
        Path staging = root.resolve(home.getFileName() + ".building-" + ProcessHandle.current().pid());
        deleteRecursively(staging);
        copyPristine(settings.keycloakDist(), staging);
        copyTree(settings.pack(), staging);
        List<String> command = new ArrayList<>(List.of(staging.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(ProductionOptions.BUILD);
        Files.createDirectories(settings.workDir());
        Path buildLog = settings.workDir().resolve("keycloak-build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(staging.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try (SupervisedProcess build = SupervisedProcess.start("kc.sh build", builder, buildLog)) {
            boolean finished = build.onExit()
                    .completeOnTimeout(null, BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join() != null;
            if (!finished) {
                throw new IllegalStateException("kc.sh build took longer than " + BUILD_TIMEOUT + "; see " + buildLog);
            }
            int exit = build.exitCode().orElse(-1);
            if (exit != 0) {
                throw new IllegalStateException("kc.sh build failed with " + exit + ":\n"
                        + build.tail(SupervisedProcess.TAIL_LINES));
            }
        }
        try (DirectoryStream<Path> older = Files.newDirectoryStream(root)) {
            for (Path old : older) {
                if (!old.equals(staging)) {
                    deleteRecursively(old);
                }
            }
        }
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException builtMeanwhile) {
            deleteRecursively(staging);
        }
    }

    /** The distribution from Maven Central, without what an older harness installed into it in place. */
    private static void copyPristine(Path pristine, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(pristine)) {
            for (Path source : files.toList()) {
                Path relative = pristine.relativize(source);
                if (relative.startsWith("data") || relative.toString().startsWith("providers/customer-auth-")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Copies every file under {@code source} to the same place under {@code target}, replacing what is there. */
    private static void copyTree(Path source, Path target) throws IOException {
        for (Path file : packFiles(source)) {
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> packFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** What the build depends on: the distribution's name, the build options and every pack file's name and bytes. */
    private static String key(HarnessSettings settings) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(settings.keycloakDist().getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(String.join(" ", ProductionOptions.BUILD).getBytes(StandardCharsets.UTF_8));
        for (Path file : packFiles(settings.pack())) {
            digest.update(settings.pack().relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | IOException notLinkable) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
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
