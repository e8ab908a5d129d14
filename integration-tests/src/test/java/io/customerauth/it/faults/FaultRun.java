package io.customerauth.it.faults;

import io.customerauth.it.harness.KeycloakCluster;
import io.customerauth.it.harness.ServerMetrics;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * What every scenario runs on: two production-mode nodes, PostgreSQL, the mail server behind {@link SmtpFront}, the
 * customers of the load, the load itself at about 70% of the capacity measured at the start, and readings every
 * ten seconds of each node's process and of the machine.
 */
final class FaultRun implements AutoCloseable {

    static final Duration SLOW_MAIL = Duration.ofSeconds(10);
    static final double LOAD_SHARE = 0.7;
    private static final int LOAD_CUSTOMERS = 120;
    private static final int VIRTUAL_USERS = 12;
    private static final Duration CAPACITY_RUN = Duration.ofSeconds(60);

    private final KeycloakCluster cluster;
    private final SmtpFront smtp;
    private final MixedLoad load;
    private final Map<String, ProcessGauges> gauges = new HashMap<>();
    private final Map<String, List<ProcessGauges.Reading>> readings = new ConcurrentHashMap<>();
    private final MachineLoad machine = new MachineLoad();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fault-run-readings");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Long> extraPids = ConcurrentHashMap.newKeySet();
    private double capacity;
    private double rate;

    private FaultRun(KeycloakCluster cluster, SmtpFront smtp, MixedLoad load) {
        this.cluster = cluster;
        this.smtp = smtp;
        this.load = load;
        for (KeycloakCluster.Node node : List.of(cluster.a(), cluster.b())) {
            ServerMetrics metrics = node.metrics();
            gauges.put(node.name(), new ProcessGauges(node.pid(), () -> heapAfterGc(metrics)));
            readings.put(node.name(), new CopyOnWriteArrayList<>());
        }
    }

    static FaultRun start() {
        log("starting two Keycloak nodes, PostgreSQL and the mail server");
        KeycloakCluster cluster = KeycloakCluster.start();
        try {
            FaultRun.log("PostgreSQL's postmaster: " + cluster.postgres().postmasterPid());
            SmtpFront smtp = SmtpFront.start(cluster.mailbox().smtpPort(), SLOW_MAIL);
            pointMailAt(cluster, smtp.port());
            log("creating " + LOAD_CUSTOMERS + " customers for the load");
            List<LoadCustomer> customers = new ArrayList<>();
            for (int i = 0; i < LOAD_CUSTOMERS; i++) {
                var customer = (i % 2 == 0 ? cluster.a() : cluster.b()).customers().create();
                customers.add(new LoadCustomer(customer.email(), customer.password()));
            }
            MixedLoad load = new MixedLoad(List.of(
                    new MixedLoad.Target(cluster.a().name(), cluster.a().api().baseUrl()),
                    new MixedLoad.Target(cluster.b().name(), cluster.b().api().baseUrl())),
                    customers, cluster.mailbox(), VIRTUAL_USERS);
            FaultRun run = new FaultRun(cluster, smtp, load);
            run.reader.scheduleAtFixedRate(run::readAll, 0, 10, TimeUnit.SECONDS);
            run.measureCapacityAndStart();
            return run;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The realm's SMTP port is the front's, set as an operator would point Keycloak at a relay. */
    private static void pointMailAt(KeycloakCluster cluster, int port) {
        RealmRepresentation realm = cluster.a().realm().toRepresentation();
        Map<String, String> smtp = new HashMap<>(realm.getSmtpServer());
        smtp.put("port", Integer.toString(port));
        smtp.put("host", "127.0.0.1");
        RealmRepresentation change = new RealmRepresentation();
        change.setSmtpServer(smtp);
        cluster.a().realm().update(change);
    }

    /** As fast as the virtual users go for a minute, then the steady rate: {@link #LOAD_SHARE} of that. */
    private void measureCapacityAndStart() {
        log("warming up, then measuring the mix's capacity for " + CAPACITY_RUN.toSeconds() + " s");
        load.start(0);
        sleep(Duration.ofSeconds(45));
        load.clear();
        long from = System.currentTimeMillis();
        sleep(CAPACITY_RUN);
        long to = System.currentTimeMillis();
        Samples measured = load.samples().between(from, to);
        capacity = measured.where(Sample::ok).rate(to - from);
        rate = capacity * LOAD_SHARE;
        load.rate(rate);
        log(String.format("capacity %.1f requests/s (%d requests, %s); steady load %.1f/s", capacity,
                measured.size(), measured.statuses(), rate));
        sleep(Duration.ofSeconds(20));
    }

    private static OptionalDouble heapAfterGc(ServerMetrics metrics) {
        ServerMetrics.Snapshot snapshot = metrics.scrape();
        return snapshot.has("jvm_gc_live_data_size_bytes")
                ? OptionalDouble.of(snapshot.value("jvm_gc_live_data_size_bytes"))
                : OptionalDouble.empty();
    }

    private void readAll() {
        try {
            gauges.forEach((name, gauge) -> readings.get(name).add(gauge.read()));
            Set<Long> ours = new HashSet<>(extraPids);
            gauges.values().forEach(gauge -> ours.add(gauge.pid()));
            ours.add(cluster.postgres().postmasterPid());
            ours.add(ProcessHandle.current().pid());
            machine.read(ours);
        } catch (RuntimeException e) {
            log("a reading failed: " + e);
        }
    }

    /** A process of this run besides the nodes (the import tool), not to be counted as a neighbour's. */
    void ourProcess(long pid) {
        extraPids.add(pid);
    }

    KeycloakCluster cluster() {
        return cluster;
    }

    SmtpFront smtp() {
        return smtp;
    }

    MixedLoad load() {
        return load;
    }

    MachineLoad machine() {
        return machine;
    }

    double capacity() {
        return capacity;
    }

    double rate() {
        return rate;
    }

    /** The readings of one node's process in {@code [from, to]}. */
    List<ProcessGauges.Reading> readings(String node, long fromMillis, long toMillis) {
        return readings.get(node).stream()
                .filter(r -> r.epochMillis() >= fromMillis && r.epochMillis() <= toMillis).toList();
    }

    ProcessGauges.Reading readNow(String node) {
        return gauges.get(node).read();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void log(String message) {
        System.out.printf("[faults %tT] %s%n", System.currentTimeMillis(), message);
    }

    static Path resultsDir() {
        Path dir = Path.of(System.getProperty("faults.results", "target/faults"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    @Override
    public void close() {
        reader.shutdownNow();
        load.close();
        try {
            smtp.close();
        } catch (IOException e) {
            log("could not close the SMTP front: " + e);
        }
        cluster.close();
    }
}
