package io.customerauth.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The remote addresses of the TCP connections some processes hold, read from /proc: the proof that the load, the
 * server and its database only ever talk over loopback.
 */
public final class Connections {

    private final Set<String> remotes = new TreeSet<>();
    private int checks;

    /** Records the remote addresses of every connection these processes (and their children) have open now. */
    public synchronized void check(List<Long> pids) {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(process -> {
                inodes.addAll(socketInodes(process.pid()));
                process.children().forEach(child -> inodes.addAll(socketInodes(child.pid())));
            });
        }
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    boolean listening = fields[3].equals("0A");
                    if (!listening && inodes.contains(fields[9])) {
                        remotes.add(address(fields[2]));
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // no IPv6 table, or a process gone
            }
        }
        checks++;
    }

    public synchronized Set<String> remotes() {
        return new TreeSet<>(remotes);
    }

    public synchronized int checks() {
        return checks;
    }

    /** Whether every remote address seen is a loopback one. */
    public synchronized boolean loopbackOnly() {
        return remotes.stream().allMatch(address -> address.startsWith("127.") || address.equals("::1"));
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closed) {
                    // closed in between
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return inodes;
    }

    /** A /proc/net/tcp address (hex, little-endian words) without its port, e.g. 0100007F:1F90 is 127.0.0.1. */
    static String address(String hex) {
        String ip = hex.substring(0, hex.indexOf(':'));
        if (ip.length() == 8) {
            return Integer.parseInt(ip.substring(6, 8), 16) + "." + Integer.parseInt(ip.substring(4, 6), 16) + "."
                    + Integer.parseInt(ip.substring(2, 4), 16) + "." + Integer.parseInt(ip.substring(0, 2), 16);
        }
        if (ip.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        if (ip.startsWith("0000000000000000FFFF0000")) {
            return address(ip.substring(24) + ":0");
        }
        return ip;
    }
}
