package io.customerauth.dev.process;

import java.nio.file.Path;

/**
 * A second process for {@link InstanceLockTest}: takes the lock named by its first argument, with {@code --with-child}
 * starts a {@code sleep} and records it, says "locked", then waits to be stopped (or killed).
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        InstanceLock lock = InstanceLock.acquire(file, "http://localhost:8080");
        if (args.length > 1 && args[1].equals("--with-child")) {
            SupervisedProcess sleep = SupervisedProcess.start("sleep", new ProcessBuilder("sleep", "300"),
                    file.resolveSibling("sleep.log"));
            lock.record(ProcessRecord.of("sleep", sleep.handle(), "sleep"));
            System.out.println("child " + sleep.pid());
        }
        System.out.println("locked");
        Thread.currentThread().join();
    }
}
