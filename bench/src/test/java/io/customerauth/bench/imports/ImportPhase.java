package io.customerauth.bench.imports;

import java.util.List;

/**
 * One import of a file through node A while {@code nodes} Keycloak nodes formed the cluster: what the tool and the
 * database say, and where the machine's CPU went meanwhile.
 *
 * @param perSecond     customers created in each second since the phase's first one (Keycloak's creation times)
 * @param cores         CPU used while the tool ran, in cores: keycloak-a, keycloak-b, postgres, tool, machine
 * @param loadBefore    /proc/loadavg when the phase began
 * @param loadAfter     /proc/loadavg when it ended
 */
public record ImportPhase(String name, int nodes, long records, int exitCode, double seconds, long created,
                          long updated, long unchanged, double[] perSecond, double longestStallMillis,
                          double stallAtSeconds, Cores cores, String loadBefore, String loadAfter,
                          long startEpochMillis, long endEpochMillis, List<String> toolSummary) {

    /** Cores used by each process while the phase ran. */
    public record Cores(double keycloakA, double keycloakB, double postgres, double tool, double machine) {
    }

    /** Records the tool wrote per second of its run (created, updated and unchanged alike). */
    public double rate() {
        return seconds <= 0 ? 0 : (created + updated + unchanged) / seconds;
    }

    /** Customers created per second over the first or last {@code share} of the creations (0 < share <= 1). */
    public double rateOf(boolean first, double share) {
        long total = 0;
        for (double n : perSecond) {
            total += (long) n;
        }
        long wanted = Math.max(1, (long) (total * share));
        long seen = 0;
        int seconds = 0;
        for (int i = 0; i < perSecond.length && seen < wanted; i++) {
            int index = first ? i : perSecond.length - 1 - i;
            seen += (long) perSecond[index];
            seconds++;
        }
        return seconds == 0 ? 0 : seen / (double) seconds;
    }
}
