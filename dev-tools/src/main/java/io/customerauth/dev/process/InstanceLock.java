package io.customerauth.dev.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One supervisor at a time: an operating-system lock on a file ({@link FileChannel#tryLock()}), released by the
 * system however the holder ends, even by kill -9. The file names the holder (its pid and a description, e.g. its
 * URL) for the message of a second one, and the children the holder started ({@link #record}), so that the next
 * holder can stop what a killed one left running ({@link #previousChildren()}). Closing it empties the file.
 *
 * <p>Format, one tab-separated record a line: {@code holder PID DESCRIPTION}, then {@code child NAME PID START MARKER}.
 */
public final class InstanceLock implements AutoCloseable {

    private static final String HOLDER = "holder";

    private final FileChannel channel;
    private final FileLock lock;
    private final String holderLine;
    private final List<ProcessRecord> previousChildren;
    private final List<ProcessRecord> children = new ArrayList<>();

    private InstanceLock(FileChannel channel, FileLock lock, String holderLine, List<ProcessRecord> previousChildren) {
        this.channel = channel;
        this.lock = lock;
        this.holderLine = holderLine;
        this.previousChildren = previousChildren;
    }

    /**
     * Takes the lock for this process.
     *
     * @param description what a refused second supervisor says about this one, e.g. "http://localhost:8080"
     * @throws AlreadyLockedException when another process holds it. One holder per JVM: a second try from the same
     *                                JVM is refused too, but closing its file releases the first one's lock on POSIX
     *                                systems.
     */
    public static InstanceLock acquire(Path file, String description) throws IOException, AlreadyLockedException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            List<String> lines = read(channel);
            if (lock == null) {
                channel.close();
                throw AlreadyLockedException.of(file, lines);
            }
            List<ProcessRecord> previous = lines.stream().map(ProcessRecord::parse).flatMap(Optional::stream).toList();
            String holderLine = String.join("\t", HOLDER, Long.toString(ProcessHandle.current().pid()),
                    description.replace('\t', ' ').replace('\n', ' '));
            InstanceLock instanceLock = new InstanceLock(channel, lock, holderLine, previous);
            instanceLock.write();
            return instanceLock;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** The children the previous holder recorded and did not clear: it ended without closing, so some may run. */
    public List<ProcessRecord> previousChildren() {
        return previousChildren;
    }

    /** Writes a child down, before waiting for it, so that a kill -9 from now on leaves a trace of it. */
    public synchronized void record(ProcessRecord child) throws IOException {
        children.add(child);
        write();
    }

    private void write() throws IOException {
        StringBuilder content = new StringBuilder(holderLine).append('\n');
        children.forEach(child -> content.append(child.toLine()).append('\n'));
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** Empties the file (its children are stopped) and releases the lock. */
    @Override
    public synchronized void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static List<String> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines().toList();
    }

    /** Another process holds the lock; it is named by the pid and description it wrote, when it has written them. */
    public static final class AlreadyLockedException extends Exception {

        private final OptionalLong holderPid;
        private final String holderDescription;

        private AlreadyLockedException(Path file, OptionalLong holderPid, String holderDescription) {
            super(file + " is locked by "
                    + (holderPid.isPresent() ? "PID " + holderPid.getAsLong() + " (" + holderDescription + ")"
                    : "a process that has not written its name yet"));
            this.holderPid = holderPid;
            this.holderDescription = holderDescription;
        }

        static AlreadyLockedException of(Path file, List<String> lines) {
            for (String line : lines) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3 && fields[0].equals(HOLDER) && fields[1].matches("\\d{1,19}")) {
                    return new AlreadyLockedException(file, OptionalLong.of(Long.parseLong(fields[1])), fields[2]);
                }
            }
            return new AlreadyLockedException(file, OptionalLong.empty(), "");
        }

        /** The holder's pid, empty when it has not written it yet (it is starting right now). */
        public OptionalLong holderPid() {
            return holderPid;
        }

        /** What the holder said about itself; empty when unknown. */
        public String holderDescription() {
            return holderDescription;
        }
    }
}
