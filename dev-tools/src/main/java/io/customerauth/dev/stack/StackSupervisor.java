package io.customerauth.dev.stack;

import io.customerauth.dev.process.InstanceLock;
import io.customerauth.dev.process.ProcessRecord;
import io.customerauth.dev.process.SupervisedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The children of one bin/dev, under its {@link InstanceLock}: each is written into the lock file as it starts, all are
 * stopped together (the last started first, each with its own grace), and the first one to exit ends the stack.
 */
public final class StackSupervisor {

    private final InstanceLock lock;
    private final Consumer<String> say;
    private final List<Child> children = new ArrayList<>();
    private boolean stopping;

    private record Child(SupervisedProcess process, Duration grace) {
    }

    public StackSupervisor(InstanceLock lock, Consumer<String> say) {
        this.lock = lock;
        this.say = say;
    }

    /** Stops what the previous holder of the lock recorded and left running: it was killed before it could. */
    public void stopLeftovers(Duration grace) {
        for (ProcessRecord leftover : lock.previousChildren()) {
            leftover.running().ifPresent(process -> {
                say.accept("Stopping PID " + process.pid() + " (" + leftover.name()
                        + "), left running by an earlier bin/dev that was killed...");
                SupervisedProcess.stopTree(process, grace);
            });
        }
    }

    /**
     * Starts a child and records it, with {@code marker} (a string of its command line), before anything waits for it.
     *
     * @throws IllegalStateException once {@link #stopAll()} has begun
     */
    public synchronized SupervisedProcess start(String name, ProcessBuilder builder, Path log, Duration grace,
                                                String marker) throws IOException {
        if (stopping) {
            throw new IllegalStateException("bin/dev is stopping; " + name + " is not started");
        }
        SupervisedProcess process = SupervisedProcess.start(name, builder, log);
        children.add(new Child(process, grace));
        lock.record(ProcessRecord.of(name, process.handle(), marker));
        return process;
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    /** Blocks until one of the children started so far exits, and returns it. */
    public SupervisedProcess awaitFirstExit() {
        CompletableFuture<?>[] exits;
        synchronized (this) {
            exits = children.stream().map(child -> child.process().onExit()).toArray(CompletableFuture[]::new);
        }
        return (SupervisedProcess) CompletableFuture.anyOf(exits).join();
    }

    /** Stops every child, the last started first, then empties the lock file and releases the lock. */
    public void stopAll() {
        List<Child> started;
        synchronized (this) {
            stopping = true;
            started = new ArrayList<>(children);
        }
        Collections.reverse(started);
        for (Child child : started) {
            SupervisedProcess process = child.process();
            if (process.isAlive()) {
                say.accept("Stopping " + process + "...");
                if (!process.stop(child.grace())) {
                    say.accept(process.name() + " did not stop within " + child.grace().toSeconds() + "s; killed it");
                }
            }
        }
        try {
            lock.close();
        } catch (IOException e) {
            say.accept("Could not release the lock file: " + e.getMessage());
        }
        if (!started.isEmpty()) {
            say.accept("Stopped.");
        }
    }
}
