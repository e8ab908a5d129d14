package io.customerauth.dev.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, for error messages: its last lines, read from at most its last 256 KiB. */
public final class LogTail {

    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {
    }

    /** The last {@code lines} lines of {@code file}, or a note in parentheses when it cannot be read. */
    public static String lastLines(Path file, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
            if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
                all = all.subList(0, all.size() - 1);
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
