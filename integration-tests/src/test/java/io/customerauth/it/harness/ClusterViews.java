package io.customerauth.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster views a node has logged ({@code ISPN000094}, and {@code ISPN000093} for the view of a merge), read from
 * its console log: when, and how many members.
 */
public final class ClusterViews {

    private static final Pattern VIEW = Pattern.compile(
            "^\\[?(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)\\S*.*ISPN00009[34]: Received new(?:, MERGED)? cluster view .*?\\((\\d+)\\) \\[");

    /** One logged view. */
    public record View(String time, int members) {
    }

    private ClusterViews() {
    }

    public static List<View> of(Path consoleLog) {
        try {
            List<View> views = new ArrayList<>();
            for (String line : Files.readAllLines(consoleLog)) {
                Matcher view = VIEW.matcher(line);
                if (view.find()) {
                    views.add(new View(view.group(1), Integer.parseInt(view.group(2))));
                }
            }
            return views;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until every log has a view of {@code members} after its first {@code seen[i]} views; false on timeout.
     */
    public static boolean await(List<Path> consoleLogs, int[] seen, int members, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            boolean all = true;
            for (int i = 0; i < consoleLogs.size(); i++) {
                List<View> views = of(consoleLogs.get(i));
                all &= views.subList(Math.min(seen[i], views.size()), views.size()).stream()
                        .anyMatch(view -> view.members() == members);
            }
            if (all) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}
