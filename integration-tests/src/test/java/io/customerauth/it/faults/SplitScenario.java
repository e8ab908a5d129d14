package io.customerauth.it.faults;

import io.customerauth.it.harness.ClusterSplit;
import io.customerauth.it.harness.ClusterViews;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.KeycloakCluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The nodes' cluster traffic blocked both ways for a minute under the load ({@link ClusterSplit}), then healed:
 * what each side serves, whether a code issued on one side during the split works on the other after the heal,
 * whether a customer_id can be given to two customers, and what the brute-force counters say after the heal.
 */
final class SplitScenario {

    private static final Duration MERGE_TIMEOUT = Duration.ofMinutes(3);
    private static final int RACES = 10;
    private static final int FAILURES_PER_SIDE = 3;

    private SplitScenario() {
    }

    static FaultReport.Section run(FaultRun run, FaultReport report, Duration length) {
        KeycloakCluster cluster = run.cluster();
        FaultReport.Section section = report.section("Cluster split for " + length.toSeconds() + " s");
        FaultRun.log(section.title());
        List<KeycloakCluster.Node> nodes = List.of(cluster.a(), cluster.b());
        List<Integer> httpPorts = nodes.stream().flatMap(node -> node.httpPorts().stream()).toList();
        Customers.Customer bruteForced = cluster.a().customers().create();
        Customers.Customer codeHolder = cluster.a().customers().create();
        int[] viewLinesBefore = nodes.stream().mapToInt(node -> ClusterViews.of(node.consoleLog()).size()).toArray();

        ClusterSplit split = ClusterSplit.between(nodes.stream().map(KeycloakCluster.Node::pid).toList(), httpPorts);
        long start;
        long healed;
        String code = null;
        String codeFailure = null;
        int[] raceCreated = new int[2];
        int sequentialSecond;
        boolean detected;
        long detectedAfter;
        try {
            split.split();
            start = System.currentTimeMillis();
            section.text("Blocked with iptables (chain `" + ClusterSplit.CHAIN + "`, INPUT on `lo`): the nodes' "
                    + "cluster ports " + split.ports() + ", both directions; HTTP and the database stay reachable."
                    + "\n\n```\n" + ClusterSplit.rules().trim() + "\n```");
            // act once each side sees itself alone (or 10 s before the end, if that takes longer)
            detected = ClusterViews.await(nodes.stream().map(KeycloakCluster.Node::consoleLog).toList(),
                    viewLinesBefore, 1, length.minusSeconds(10));
            detectedAfter = System.currentTimeMillis() - start;
            try {
                code = Steps.askCode(cluster.a().api(), cluster.mailbox(), codeHolder.email(), Duration.ofSeconds(30));
            } catch (RuntimeException | AssertionError e) {
                codeFailure = e.getMessage();
            }
            for (int i = 0; i < FAILURES_PER_SIDE; i++) {
                for (KeycloakCluster.Node node : nodes) {
                    Steps.login(node.api(), bruteForced.email(), "Wrong-Password-" + i);
                    FaultRun.sleep(Duration.ofMillis(500));
                }
            }
            for (int i = 0; i < RACES; i++) {
                String customerId = UUID.randomUUID().toString();
                List<CompletableFuture<Boolean>> pair = nodes.stream().map(node -> CompletableFuture.supplyAsync(
                        () -> created(node, customerId))).toList();
                for (int side = 0; side < 2; side++) {
                    raceCreated[side] += pair.get(side).join() ? 1 : 0;
                }
            }
            String sequentialId = UUID.randomUUID().toString();
            created(cluster.a(), sequentialId);
            sequentialSecond = created(cluster.b(), sequentialId) ? 1 : 0;
            long left = start + length.toMillis() - System.currentTimeMillis();
            FaultRun.sleep(Duration.ofMillis(Math.max(0, left)));
        } finally {
            split.heal();
            healed = System.currentTimeMillis();
        }
        FaultRun.log("healed; waiting for the nodes to merge");
        boolean mergedAgain = ClusterViews.await(nodes.stream().map(KeycloakCluster.Node::consoleLog).toList(),
                viewLinesBefore, 2, MERGE_TIMEOUT);
        long merged = System.currentTimeMillis();
        FaultRun.sleep(Duration.ofSeconds(10));

        String afterHeal = Steps.newPassword("After-Heal");
        int resetOtherSide = code == null ? -1 : Steps.reset(cluster.b().api(), codeHolder.email(), code, afterHeal);
        List<String> bruteForce = new ArrayList<>();
        for (KeycloakCluster.Node node : nodes) {
            Map<String, Object> status = node.realm().attackDetection().bruteForceUserStatus(bruteForced.id());
            bruteForce.add(node.name() + ": numFailures " + status.get("numFailures") + ", disabled "
                    + status.get("disabled"));
        }
        long duplicated = duplicateCustomerIds(cluster);
        long end = System.currentTimeMillis();

        Samples all = run.load().samples();
        Samples during = all.between(start, healed);
        Samples afterSamples = all.between(healed, end);
        List<List<String>> rows = new ArrayList<>();
        for (KeycloakCluster.Node node : nodes) {
            for (String route : MixedLoad.ROUTES) {
                Samples d = during.node(node.name()).route(route);
                Samples a = afterSamples.node(node.name()).route(route);
                rows.add(List.of(node.name(), route, Figures.statuses(d), Figures.ms(d.percentile(99)),
                        Figures.statuses(a)));
            }
        }
        section.table(List.of("node", "route", "answers during the split", "p99 during", "answers after the heal"),
                rows);
        section.text("Each node saw itself alone (a view of 1) " + (detected ? Figures.f1(detectedAfter / 1e3)
                + " s after the split" : "not within the split") + ". Cluster views logged (node: time, members) during"
                + " and after the split: "
                + String.join("; ", allViews(nodes, viewLinesBefore)) + ". Merged (both nodes logged a view of 2) "
                + Figures.f1((merged - healed) / 1e3) + " s after the heal" + (mergedAgain ? ""
                : " — **no merge seen**") + ".");
        section.text("During the split: a code asked for through " + cluster.a().name() + (code == null
                ? " did not arrive (" + codeFailure + ")" : " arrived; used through " + cluster.b().name()
                + " after the heal it answered " + resetOtherSide) + ". " + RACES + " races creating the same "
                + "customer_id through both nodes at once: created through " + cluster.a().name() + " " + raceCreated[0]
                + ", through " + cluster.b().name() + " " + raceCreated[1] + "; the same id through "
                + cluster.b().name() + " after " + cluster.a().name() + " had it: " + (sequentialSecond == 1
                ? "created" : "refused") + ". customer_ids held by more than one customer after the heal: "
                + duplicated + ". Brute-force status after the heal (" + FAILURES_PER_SIDE + " failures per side): "
                + String.join("; ", bruteForce) + ".");
        section.text("Machine: " + run.machine().describe(start, end) + ".");

        long serverErrors = all.between(start, end).count(Sample::serverError);
        section.check("no 5xx during or after the split", serverErrors == 0, serverErrors + " 5xx");
        section.check("both sides serve logins during the split", nodes.stream().allMatch(node ->
                during.node(node.name()).route("login").count(Sample::ok) > 0), "see the table");
        section.check("no customer_id given to two customers", duplicated == 0 && sequentialSecond == 0,
                duplicated + " duplicated; " + (raceCreated[0] + raceCreated[1]) + " of " + (2 * RACES)
                        + " racing creations succeeded");
        section.check("the nodes merge again after the heal", mergedAgain,
                Figures.f1((merged - healed) / 1e3) + " s");
        section.check("a code issued on one side during the split works on the other after the heal",
                resetOtherSide == 200, code == null ? "no code" : "reset answered " + resetOtherSide);
        return section;
    }

    private static boolean created(KeycloakCluster.Node node, String customerId) {
        try {
            node.customers().create(Customers.spec().customerId(customerId));
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private static long duplicateCustomerIds(KeycloakCluster cluster) {
        try (Connection connection = cluster.connectDatabase();
             ResultSet result = connection.createStatement().executeQuery("SELECT count(*) FROM (SELECT value FROM "
                     + "user_attribute WHERE name = 'customer_id' GROUP BY value HAVING count(*) > 1) AS duplicated")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> allViews(List<KeycloakCluster.Node> nodes, int[] linesBefore) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<ClusterViews.View> views = ClusterViews.of(nodes.get(i).consoleLog());
            for (ClusterViews.View view : views.subList(Math.min(linesBefore[i], views.size()), views.size())) {
                all.add(nodes.get(i).name() + ": " + view.time() + ", " + view.members());
            }
        }
        return all;
    }
}
