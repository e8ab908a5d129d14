package io.customerauth.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The project's nginx configuration ({@code config/nginx/customer-auth.conf}) run by Debian's nginx in front of the
 * test server, as an unprivileged process with everything under {@code it-run/nginx/}: {@code nginx -p DIR -c FILE
 * -e LOG -g 'daemon off;'}. The shipped file is used as it is but for its two lines marked "deployment:" (the port it
 * listens on, Keycloak's address); it connects to Keycloak from {@link KeycloakServer#PROXY_ADDRESS}, the one address
 * whose {@code X-Forwarded-*} Keycloak trusts.
 */
public final class ReverseProxy implements AutoCloseable {

    private static final List<Path> NGINX = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/bin/nginx"), Path.of("/usr/local/bin/nginx"));
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path dir;

    private ReverseProxy(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** nginx on the PATH or where Debian puts it, if installed. */
    public static Optional<Path> nginx() {
        Optional<Path> onPath = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> Arrays.stream(path.split(":")))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "nginx"))
                .filter(Files::isExecutable)
                .findFirst();
        return onPath.or(() -> NGINX.stream().filter(Files::isExecutable).findFirst());
    }

    static ReverseProxy start(Path nginx, Path shippedConfig, String keycloakBaseUrl, Path dir) {
        int port = FreePorts.next();
        URI keycloak = URI.create(keycloakBaseUrl);
        try {
            KeycloakDistribution.deleteRecursively(dir);
            Files.createDirectories(dir.resolve("temp"));
            String shipped = Files.readString(shippedConfig);
            String config = replaceOnce(replaceOnce(shipped, "listen 5000;", "listen 127.0.0.1:" + port + ";"),
                    "server keycloak:8080;", "server " + keycloak.getHost() + ":" + keycloak.getPort() + ";");
            Files.writeString(dir.resolve("customer-auth.conf"), config);
            Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                    "pid " + dir.resolve("nginx.pid") + ";",
                    "worker_processes 1;",
                    "events { worker_connections 256; }",
                    "http {",
                    "    access_log " + dir.resolve("access.log") + ";",
                    "    client_body_temp_path " + dir.resolve("temp/body") + ";",
                    "    proxy_temp_path " + dir.resolve("temp/proxy") + ";",
                    "    fastcgi_temp_path " + dir.resolve("temp/fastcgi") + ";",
                    "    uwsgi_temp_path " + dir.resolve("temp/uwsgi") + ";",
                    "    scgi_temp_path " + dir.resolve("temp/scgi") + ";",
                    "    proxy_bind " + KeycloakServer.PROXY_ADDRESS + ";",
                    "    include " + dir.resolve("customer-auth.conf") + ";",
                    "}", ""));
            Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(),
                    "-c", dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString(),
                    "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            ReverseProxy proxy = new ReverseProxy(process, port, dir);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start nginx", e);
        }
    }

    /** A line of the shipped file that the deployment changes; the test fails if the file no longer has it once. */
    private static String replaceOnce(String text, String line, String replacement) {
        int first = text.indexOf(line);
        if (first < 0 || text.indexOf(line, first + 1) >= 0) {
            throw new IllegalStateException("config/nginx/customer-auth.conf must have the line '" + line
                    + "' exactly once (its deployment-specific line)");
        }
        return text.replace(line, replacement);
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx was not listening within " + STARTUP_TIMEOUT + ": " + output());
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("nginx.out"), StandardCharsets.UTF_8)
                    + Files.readString(dir.resolve("error.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The public URL, e.g. {@code http://127.0.0.1:41234}: what the seed's clients call. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
