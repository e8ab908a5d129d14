package io.customerauth.bench.imports;

import java.util.List;

import io.customerauth.bench.measure.JfrProfile;

/**
 * One import of a generated file through node A while {@code nodes} Keycloak nodes formed the cluster: what the tool
 * and the database say, and where the machine's CPU went meanwhile.
 *
 * @param store      how the bulk endpoint reached the users: {@code auto} (below the user model where proven
 *                   equivalent) or {@code model}
 * @param timeline   customers created per second since the phase's first one (Keycloak's creation times)
 * @param cores      CPU used while the tool ran, in cores
 * @param loadBefore /proc/loadavg when the phase began
 * @param loadAfter  /proc/loadavg when it ended
 * @param profiles   Keycloak's Flight Recorder profile of the phase, per node ({@code A}, {@code B})
 */
public record ImportPhase(int number, int nodes, String store, long records, int exitCode, double seconds,
                          long updated, long unchanged, CreationTimeline timeline, Cores cores, Memory memory,
                          String loadBefore, String loadAfter, long startEpochMillis, long endEpochMillis,
                          List<String> toolSummary, java.util.Map<String, JfrProfile.Profile> profiles) {

    /** Cores used by each process while the phase ran (this machine's CPUs, busy). */
    public record Cores(double keycloakA, double keycloakB, double postgres, double tool, double machine) {
    }

    /** The tool's peak heap (before a collection) and resident memory, Keycloak A's resident memory. */
    public record Memory(double toolPeakHeapMiB, long toolPeakRss, long keycloakRssBefore, long keycloakPeakRss) {
    }

    public String name() {
        return "phase " + number + ": " + nodes + (nodes == 1 ? " node" : " nodes")
                + (store.equals("auto") ? "" : ", " + store + " store");
    }

    public long created() {
        return timeline.created();
    }

    /**
     * Customers created per second from the first creation to the last (Keycloak's creation times): the import's
     * rate, without the tool's start and its closing list of the realm's customers missing from the file.
     */
    public double rate() {
        int span = timeline.perSecond().length;
        return span == 0 ? 0 : created() / (double) span;
    }

    /** Records per second of the tool's whole run (start, import, the missing-customers list, summary). */
    public double toolRate() {
        return seconds <= 0 ? 0 : (created() + updated + unchanged) / seconds;
    }

    /** CPU milliseconds per record of one process, from its cores over the phase. */
    public double millisPerRecord(double processCores) {
        return records == 0 ? 0 : processCores * seconds * 1000 / records;
    }

    /** Customers created per second over the first or last {@code count} creations. */
    public double rateOf(boolean first, long count) {
        double[] perSecond = timeline.perSecond();
        long seen = 0;
        int seconds = 0;
        for (int i = 0; i < perSecond.length && seen < count; i++) {
            seen += (long) perSecond[first ? i : perSecond.length - 1 - i];
            seconds++;
        }
        return seconds == 0 ? 0 : seen / (double) seconds;
    }
}
