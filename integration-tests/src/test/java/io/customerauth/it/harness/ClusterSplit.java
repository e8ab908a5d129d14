package io.customerauth.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the cluster traffic between the nodes, both ways, on loopback: {@code iptables} rules in a chain of their own
 * that drop every TCP packet to or from the nodes' cluster ports (every port their JVMs listen on but HTTP and
 * management), while HTTP and the database still work. {@link #heal()} removes the chain; so does a JVM shutdown
 * hook, and {@code bench/faults} removes it again on exit, so no rule outlives the run. Needs root and iptables.
 */
public final class ClusterSplit implements AutoCloseable {

    public static final String CHAIN = "CUSTOMER_AUTH_FAULTS";
    private static final Pattern LISTENER = Pattern.compile("^\\S+\\s+\\d+\\s+\\d+\\s+\\S*:(\\d+)\\s.*pid=(\\d+),");

    private final Set<Integer> ports;
    private final Thread cleanUp = new Thread(ClusterSplit::removeChain, "remove-" + CHAIN);
    private boolean split;

    private ClusterSplit(Set<Integer> ports) {
        this.ports = ports;
    }

    /** The cluster ports of these JVMs: what they listen on, less the ports given as theirs for HTTP. */
    public static ClusterSplit between(Collection<Long> pids, Collection<Integer> httpPorts) {
        Set<Integer> ports = new TreeSet<>();
        for (String line : run(List.of("ss", "-Hltnp")).split("\n")) {
            Matcher listener = LISTENER.matcher(line);
            if (listener.find() && pids.contains(Long.parseLong(listener.group(2)))) {
                int port = Integer.parseInt(listener.group(1));
                if (!httpPorts.contains(port)) {
                    ports.add(port);
                }
            }
        }
        if (ports.isEmpty()) {
            throw new IllegalStateException("the nodes " + pids + " listen on no cluster port");
        }
        return new ClusterSplit(ports);
    }

    public Set<Integer> ports() {
        return ports;
    }

    public void split() {
        removeChain();
        Runtime.getRuntime().addShutdownHook(cleanUp);
        run(List.of("iptables", "-w", "-N", CHAIN));
        for (int port : ports) {
            run(List.of("iptables", "-w", "-A", CHAIN, "-i", "lo", "-p", "tcp", "--dport", Integer.toString(port),
                    "-j", "DROP"));
            run(List.of("iptables", "-w", "-A", CHAIN, "-i", "lo", "-p", "tcp", "--sport", Integer.toString(port),
                    "-j", "DROP"));
        }
        run(List.of("iptables", "-w", "-I", "INPUT", "-j", CHAIN));
        split = true;
    }

    public void heal() {
        removeChain();
        if (split) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            split = false;
        }
    }

    /** The rules now in force in the chain (for the report: proof of what was blocked). */
    public static String rules() {
        return run(List.of("iptables", "-w", "-S", CHAIN));
    }

    private static void removeChain() {
        runQuietly(List.of("iptables", "-w", "-D", "INPUT", "-j", CHAIN));
        runQuietly(List.of("iptables", "-w", "-F", CHAIN));
        runQuietly(List.of("iptables", "-w", "-X", CHAIN));
    }

    @Override
    public void close() {
        heal();
    }

    private static void runQuietly(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
