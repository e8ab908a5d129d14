package io.customerauth.bench.measure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU went during a side's windows, in CPU-seconds per second of wall time (2.0 = both cores of a 2-core
 * machine): Keycloak's JVM, PostgreSQL, the load generator (this JVM), everything else on the machine, and idle.
 * Divided by the requests, it gives Keycloak's CPU per request.
 */
public record CpuShare(double keycloak, double postgres, double loadGenerator, double other, double idle,
                       double keycloakMillisPerRequest, Map<String, Double> keycloakThreadMillisPerRequest) {

    /** The CPU of threads that ended within a window: the process's CPU minus its live threads'. */
    public static final String ENDED = "(threads that ended within the window)";

    public static CpuShare of(List<Recorder.Window> windows, long requests) {
        double seconds = windows.stream().mapToDouble(Recorder.Window::seconds).sum();
        if (seconds <= 0) {
            return new CpuShare(0, 0, 0, 0, 0, 0, Map.of());
        }
        double keycloak = ticks(windows, Part.KEYCLOAK);
        double postgres = ticks(windows, Part.POSTGRES);
        double load = ticks(windows, Part.LOAD);
        double busy = ticks(windows, Part.BUSY);
        double total = ticks(windows, Part.TOTAL);
        double perSecond = CpuSnapshot.TICKS_PER_SECOND * seconds;
        return new CpuShare(keycloak / perSecond, postgres / perSecond, load / perSecond,
                Math.max(0, busy - keycloak - postgres - load) / perSecond, (total - busy) / perSecond,
                requests == 0 ? 0 : keycloak / CpuSnapshot.TICKS_PER_SECOND * 1000 / requests,
                threads(windows, requests));
    }

    /** Keycloak's CPU per request by kind of thread, largest first; threads gone by a window's end as one kind. */
    private static Map<String, Double> threads(List<Recorder.Window> windows, long requests) {
        Map<String, Double> ticks = new HashMap<>();
        for (Recorder.Window window : windows) {
            double live = 0;
            for (Map.Entry<String, Long> end : window.end().keycloakThreads().entrySet()) {
                double delta = end.getValue() - window.begin().keycloakThreads().getOrDefault(end.getKey(), 0L);
                ticks.merge(end.getKey(), delta, Double::sum);
                live += delta;
            }
            ticks.merge(ENDED, Math.max(0, window.end().keycloak() - window.begin().keycloak() - live), Double::sum);
        }
        Map<String, Double> perRequest = new LinkedHashMap<>();
        ticks.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> perRequest.put(entry.getKey(), requests == 0 ? 0
                        : entry.getValue() / CpuSnapshot.TICKS_PER_SECOND * 1000 / requests));
        return perRequest;
    }

    private enum Part { KEYCLOAK, POSTGRES, LOAD, BUSY, TOTAL }

    private static double ticks(List<Recorder.Window> windows, Part part) {
        return windows.stream().mapToDouble(window -> value(window.end(), part) - value(window.begin(), part)).sum();
    }

    private static long value(CpuSnapshot snapshot, Part part) {
        return switch (part) {
            case KEYCLOAK -> snapshot.keycloak();
            case POSTGRES -> snapshot.postgres();
            case LOAD -> snapshot.loadGenerator();
            case BUSY -> snapshot.machineBusy();
            case TOTAL -> snapshot.machineTotal();
        };
    }
}
