package io.customerauth.bench.measure;

/**
 * One measured request: which pair, side ("A" ours, "B" Keycloak's own) and round (0 is the warm-up), when it ended
 * (epoch ms), how long it took (ms, as Gatling times it) and its HTTP status (0 when no response came).
 */
public record Sample(String pair, String side, int round, long endMillis, long latencyMillis, int status) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
