package io.customerauth.dev.process;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A supervised process that exited, or was still not ready at the deadline, while it was being waited for. The
 * message says which and what was awaited, and carries the end of the process's log.
 */
public final class ProcessNotReadyException extends RuntimeException {

    private final String processName;
    private final OptionalInt exitCode;
    private final Path log;
    private final String logTail;

    ProcessNotReadyException(String reason, String processName, OptionalInt exitCode, Path log, String logTail) {
        super(reason + "; the end of " + log + ":\n" + logTail);
        this.processName = processName;
        this.exitCode = exitCode;
        this.log = log;
        this.logTail = logTail;
    }

    public String processName() {
        return processName;
    }

    /** The exit status when the process exited; empty when it was still running at the deadline. */
    public OptionalInt exitCode() {
        return exitCode;
    }

    public Path log() {
        return log;
    }

    /** The last {@value SupervisedProcess#TAIL_LINES} lines of the log. */
    public String logTail() {
        return logTail;
    }
}
