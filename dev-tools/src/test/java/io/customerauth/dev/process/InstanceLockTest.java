package io.customerauth.dev.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock and the leftovers between real processes: the holder is a second JVM ({@link LockHolder}). */
class InstanceLockTest {

    @TempDir
    Path dir;

    private SupervisedProcess holder;
    private ProcessHandle leftover;

    @AfterEach
    void stopTheProcesses() {
        if (holder != null) {
            holder.stop(Duration.ofSeconds(10));
        }
        if (leftover != null) {
            SupervisedProcess.stopTree(leftover, Duration.ofSeconds(5));
        }
    }

    @Test
    void refusesASecondHolderAndNamesTheRunningOne() throws Exception {
        Path file = dir.resolve("dev-stack.lock");
        holder = startHolder(file);

        assertThatThrownBy(() -> InstanceLock.acquire(file, "me"))
                .isInstanceOfSatisfying(InstanceLock.AlreadyLockedException.class, e -> {
                    assertThat(e.holderPid()).hasValue(holder.pid());
                    assertThat(e.holderDescription()).isEqualTo("http://localhost:8080");
                });

        holder.stop(Duration.ofSeconds(10));
        try (InstanceLock lock = InstanceLock.acquire(file, "me")) {
            assertThat(lock.previousChildren()).isEmpty();
        }
    }

    @Test
    void theNextHolderFindsWhatAKilledOneLeftRunning() throws Exception {
        Path file = dir.resolve("dev-stack.lock");
        holder = startHolder(file, "--with-child");
        long sleepPid = Long.parseLong(Files.readAllLines(holder.log()).get(0).substring("child ".length()));
        leftover = ProcessHandle.of(sleepPid).orElseThrow();

        holder.handle().destroyForcibly();
        holder.onExit().join();
        assertThat(leftover.isAlive()).isTrue();

        try (InstanceLock lock = InstanceLock.acquire(file, "me")) {
            List<ProcessRecord> previous = lock.previousChildren();
            assertThat(previous).extracting(ProcessRecord::name, ProcessRecord::pid).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("sleep", sleepPid));
            Optional<ProcessHandle> running = previous.get(0).running();
            assertThat(running).contains(leftover);

            assertThat(SupervisedProcess.stopTree(running.orElseThrow(), Duration.ofSeconds(10))).isTrue();
            assertThat(leftover.isAlive()).isFalse();
        }
    }

    @Test
    void closingForgetsTheChildren() throws IOException, InstanceLock.AlreadyLockedException {
        Path file = dir.resolve("dev-stack.lock");
        try (InstanceLock lock = InstanceLock.acquire(file, "me")) {
            lock.record(ProcessRecord.of("me", ProcessHandle.current(), "java"));
        }

        assertThat(file).isEmptyFile();
        try (InstanceLock lock = InstanceLock.acquire(file, "me")) {
            assertThat(lock.previousChildren()).isEmpty();
        }
    }

    @Test
    void aRecordNamesOnlyTheProcessItWasWrittenFor() {
        ProcessHandle me = ProcessHandle.current();
        long myStart = me.info().startInstant().map(Instant::toEpochMilli).orElseThrow();

        assertThat(ProcessRecord.of("me", me, "java").running()).contains(me);
        assertThat(new ProcessRecord("me", me.pid(), myStart - 60_000, "java").running())
                .as("a later process with the same pid").isEmpty();
        assertThat(new ProcessRecord("me", me.pid(), myStart, "io.customerauth.dev.DevMailCatcher").running())
                .as("a command line without the marker").isEmpty();
    }

    @Test
    void aRecordReadsBackFromItsLine() {
        ProcessRecord record = new ProcessRecord("the mail catcher", 4242, 1_700_000_000_000L, "/opt/my dir/kc");

        assertThat(ProcessRecord.parse(record.toLine())).contains(record);
        assertThat(ProcessRecord.parse("holder\t4242\thttp://localhost:8080")).isEmpty();
    }

    private SupervisedProcess startHolder(Path file, String... options) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString()));
        command.addAll(List.of(options));
        SupervisedProcess process = SupervisedProcess.start("holder", new ProcessBuilder(command),
                dir.resolve("holder.log"));
        process.awaitLogLine(Pattern.compile("^locked$"), Duration.ofSeconds(60));
        return process;
    }
}
