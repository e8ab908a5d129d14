package io.customerauth.dev.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedProcessTest {

    @TempDir
    Path dir;

    private SupervisedProcess process;

    @AfterEach
    void stopTheChild() {
        if (process != null) {
            process.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void awaitsALineOfItsLog() throws IOException {
        process = sh("echo starting; sleep 1; echo 'ready on port 1234'; exec sleep 60");

        process.awaitLogLine(Pattern.compile("ready on port \\d+"), Duration.ofSeconds(30));

        assertThat(process.isAlive()).isTrue();
        assertThat(process.tail(1)).isEqualTo("ready on port 1234");
    }

    @Test
    void failsAtOnceWithTheEndOfItsLogWhenItExitsWhileAwaited() throws IOException {
        process = sh("echo 'cannot bind 1025' >&2; exit 3");
        long started = System.nanoTime();

        assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("ready"), Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(ProcessNotReadyException.class, e -> {
                    assertThat(e.exitCode()).hasValue(3);
                    assertThat(e.logTail()).isEqualTo("cannot bind 1025");
                    assertThat(e.getMessage()).startsWith("child exited with status 3").contains("cannot bind 1025");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void givesUpAtTheDeadlineWhenTheLineNeverComes() throws IOException {
        process = sh("echo starting; exec sleep 60");

        assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("ready"), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ProcessNotReadyException.class, e -> {
                    assertThat(e.exitCode()).isEmpty();
                    assertThat(e.getMessage()).startsWith("child was not ready within 1 s");
                    assertThat(e.logTail()).isEqualTo("starting");
                });
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void awaitsAnHttp200() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(calls.incrementAndGet() < 3 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            process = sh("exec sleep 60");

            process.awaitHttpOk(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready"),
                    Duration.ofSeconds(30));

            assertThat(calls).hasValue(3);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void failsAtOnceWhenItExitsWhileAnHttpCheckIsAwaited() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        process = sh("sleep 1; exit 2");

        assertThatThrownBy(() -> process.awaitHttpOk(URI.create("http://127.0.0.1:" + closedPort + "/"),
                Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(ProcessNotReadyException.class, e -> assertThat(e.exitCode()).hasValue(2));
    }

    @Test
    void stopsAProcessThatObeysSigterm() throws IOException {
        process = sh("exec sleep 60");

        assertThat(process.stop(Duration.ofSeconds(10))).isTrue();

        assertThat(process.isAlive()).isFalse();
        assertThat(process.exitCode()).as("128 + SIGTERM").hasValue(143);
    }

    @Test
    void killsTheWholeTreeWhenItIgnoresSigterm() throws IOException {
        // Both the shell and its sleep ignore SIGTERM (an ignored signal stays ignored across fork and exec).
        process = sh("trap '' TERM; sleep 300 & echo \"child $!\"; wait");
        process.awaitLogLine(Pattern.compile("child \\d+"), Duration.ofSeconds(30));
        List<ProcessHandle> tree = process.handle().descendants().toList();
        assertThat(tree).isNotEmpty();

        assertThat(process.stop(Duration.ofSeconds(1))).isFalse();

        assertThat(process.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void stopsWhatTheProcessLeavesBehind() throws IOException {
        // The shell dies of SIGTERM and leaves its sleep to init: a descendant it did not stop.
        process = sh("sleep 300 & echo \"child $!\"; wait");
        process.awaitLogLine(Pattern.compile("child \\d+"), Duration.ofSeconds(30));
        long sleepPid = Long.parseLong(process.tail(1).substring("child ".length()));

        assertThat(process.stop(Duration.ofSeconds(30))).isTrue();

        assertThat(ProcessHandle.of(sleepPid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    private SupervisedProcess sh(String script) throws IOException {
        return SupervisedProcess.start("child", new ProcessBuilder("sh", "-c", script), dir.resolve("child.log"));
    }
}
