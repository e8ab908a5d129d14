package io.customerauth.dev.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Stops a process and its descendants: SIGTERM first, SIGKILL after a grace. */
final class ProcessTree {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private ProcessTree() {
    }

    static boolean stop(ProcessHandle root, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        // Known before any signal: once the root exits, its children belong to init and are no descendants anymore.
        Set<ProcessHandle> family = new LinkedHashSet<>(root.descendants().toList());
        if (root.isAlive()) {
            root.destroy();
        }
        boolean exited = waitUntilGone(List.of(root), deadline);
        family.addAll(root.descendants().toList());
        // What it left behind (a child it did not stop, or one whose signal it was still forwarding).
        List<ProcessHandle> left = alive(family);
        left.forEach(ProcessHandle::destroy);
        waitUntilGone(left, deadline);

        List<ProcessHandle> stubborn = new ArrayList<>(alive(family));
        if (root.isAlive()) {
            stubborn.add(0, root);
        }
        stubborn.forEach(ProcessHandle::destroyForcibly);
        waitUntilGone(stubborn, System.nanoTime() + AFTER_KILL.toNanos());
        return exited;
    }

    private static List<ProcessHandle> alive(Set<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static boolean waitUntilGone(List<ProcessHandle> processes, long deadline) {
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
