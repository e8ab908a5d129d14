package io.customerauth.it.faults;

/**
 * One request of the load as its caller saw it.
 *
 * @param startMillis when it was sent (epoch milliseconds)
 * @param node        the node it went to
 * @param route       which route: login, me, forgot, reset
 * @param status      the HTTP status, or 0 when no answer came (connection refused or reset, timed out)
 * @param millis      how long the answer took
 * @param json        whether the body was JSON
 * @param requestId   whether the answer carried {@code X-Request-ID}
 * @param bodyRequestId whether a JSON body carried {@code request_id} (the API's 500 must)
 * @param failure     what went wrong without an answer (the exception's class), or null
 */
record Sample(long startMillis, String node, String route, int status, double millis, boolean json,
              boolean requestId, boolean bodyRequestId, String failure) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    boolean serverError() {
        return status >= 500;
    }

    boolean answered() {
        return status > 0;
    }

    long endMillis() {
        return startMillis + (long) millis;
    }
}
