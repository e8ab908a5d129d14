package io.customerauth.it.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches Keycloak nodes of a compose stack while they start: twice a second, what Docker says of each node's health
 * (read first) and whether the node then serves the realm ({@code GET /realms/customers} on its own port). A
 * healthcheck tells the truth when no sample has Docker saying {@code healthy} while the realm does not answer 200.
 */
final class ReadinessWatch implements AutoCloseable {

    /** One look at a node: Docker's health status ({@code absent} before its container exists) and the realm's answer. */
    record Sample(String service, long millis, String health, int realmStatus) {
        boolean healthy() {
            return health.equals("healthy");
        }

        boolean servesRealm() {
            return realmStatus == 200;
        }
    }

    private final ComposeStack stack;
    private final List<String> services;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Map<String, String> containers = new HashMap<>();
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean stopped;

    private ReadinessWatch(ComposeStack stack, List<String> services) {
        this.stack = stack;
        this.services = services;
        this.thread = new Thread(this::run, "readiness-watch");
        thread.setDaemon(true);
    }

    static ReadinessWatch start(ComposeStack stack, String... services) {
        ReadinessWatch watch = new ReadinessWatch(stack, List.of(services));
        watch.thread.start();
        return watch;
    }

    List<Sample> samples(String service) {
        return samples.stream().filter(sample -> sample.service().equals(service)).toList();
    }

    /** The node was seen not ready, was never reported healthy while not serving the realm, and ended healthy. */
    void assertHonest(String service) {
        List<Sample> seen = samples(service);
        String timeline = timeline(seen);
        assertThat(seen).as("samples of %s", service).isNotEmpty();
        assertThat(seen).as("%s was seen starting, not yet serving the realm (else this proves nothing): %s", service,
                timeline).anyMatch(sample -> !sample.healthy() && !sample.servesRealm());
        assertThat(seen).as("Docker said %s was healthy while it did not serve the realm: %s", service, timeline)
                .noneMatch(sample -> sample.healthy() && !sample.servesRealm());
        assertThat(seen.get(seen.size() - 1).healthy()).as("%s ends healthy: %s", service, timeline).isTrue();
    }

    /**
     * Stops watching after one last sample of each service: the test closes the watch once it has seen the node
     * healthy itself, and the watch's previous sample may be up to a round older than that.
     */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleEach();
    }

    private void sampleEach() {
        for (String service : services) {
            String health = health(service);
            samples.add(new Sample(service, (System.nanoTime() - start) / 1_000_000, health, stack.realmStatus(service)));
        }
    }

    private void run() {
        while (!stopped) {
            sampleEach();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String health(String service) {
        String container = containers.get(service);
        if (container == null) {
            Docker.Result ps = stack.compose(Duration.ofSeconds(30), "ps", "--all", "--quiet", service);
            if (ps.exitCode() != 0 || ps.output().isBlank()) {
                return "absent";
            }
            container = ps.output().strip();
            containers.put(service, container);
        }
        Docker.Result inspect = Docker.docker(Duration.ofSeconds(30), "inspect", "--format",
                "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}", container);
        return inspect.exitCode() == 0 ? inspect.output().strip() : "absent";
    }

    /** The samples as runs of the same state: {@code 0.0s absent/0 (12) -> 6.1s starting/503 (80) -> ...}. */
    private static String timeline(List<Sample> samples) {
        List<String> runs = new ArrayList<>();
        Sample first = null;
        int count = 0;
        for (Sample sample : samples) {
            if (first != null && (!first.health().equals(sample.health()) || first.realmStatus() != sample.realmStatus())) {
                runs.add(describe(first, count));
                first = null;
            }
            if (first == null) {
                first = sample;
                count = 0;
            }
            count++;
        }
        if (first != null) {
            runs.add(describe(first, count));
        }
        return String.join(" -> ", runs);
    }

    private static String describe(Sample first, int count) {
        return String.format("%.1fs %s/%d (%d)", first.millis() / 1000.0, first.health(), first.realmStatus(), count);
    }
}
