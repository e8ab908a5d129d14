package io.customerauth.dev.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reads a growing log from where it stopped last time, and looks for a line in what is new. */
final class LogScanner {

    private final Path file;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long offset;

    LogScanner(Path file) {
        this.file = file;
    }

    /** Whether a line written since the last call (or the line being written) contains {@code pattern}. */
    boolean hasLine(Pattern pattern) throws IOException {
        boolean found = false;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(offset);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            int read;
            while ((read = channel.read(buffer)) > 0) {
                offset += read;
                for (int i = 0; i < read; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') {
                        found |= matches(pattern);
                        partialLine.reset();
                    } else {
                        partialLine.write(b);
                    }
                }
                buffer.clear();
            }
        } catch (NoSuchFileException notYet) {
            return false;
        }
        return found || matches(pattern);
    }

    private boolean matches(Pattern pattern) {
        return pattern.matcher(partialLine.toString(StandardCharsets.UTF_8)).find();
    }
}
