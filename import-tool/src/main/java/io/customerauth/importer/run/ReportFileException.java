package io.customerauth.importer.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code --report} file cannot be written (an unwritable path, a full disk): a failure of its own, apart from the
 * records and the server (exit code {@link io.customerauth.importer.ExitCode#REPORT_NOT_WRITTEN}). The message names
 * the path and the reason, in the words of the file system rather than a Java class name.
 */
public final class ReportFileException extends IOException {

    private static final long serialVersionUID = 1L;

    ReportFileException(Path report, IOException cause) {
        super("cannot write the report " + report + ": " + reason(cause), cause);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a directory";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
