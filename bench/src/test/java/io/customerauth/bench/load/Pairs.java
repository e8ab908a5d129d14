package io.customerauth.bench.load;

import io.customerauth.bench.BenchConfig;
import io.customerauth.bench.measure.BusyProbe;
import io.customerauth.bench.measure.CeilingWindows;
import io.customerauth.bench.measure.Recorder;
import io.customerauth.bench.measure.Sample;
import io.customerauth.bench.stack.BenchUsers;
import io.customerauth.bench.stack.MailSink;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The four pairs as Gatling populations, one per round: a closed model of N virtual users started together, each
 * owning its own slice of customers (slot, slot + N, ...), so no customer ever has two requests in flight. Within a
 * round both sides run for the same time (or the same count, for resets) at the same concurrency, A and B one after
 * the other with a rendezvous between them; the order alternates from round to round. Round 0 is the warm-up.
 * Login rounds have a third side, C, between A and B: the virtual users pause while this JVM measures the argon2
 * ceiling, so the ceiling meets the same machine (and the same neighbours) as the logins. Forgot-password sides
 * end only once Keycloak is idle again: their work after the answer belongs to their own window.
 */
public final class Pairs {

    public static final String LOGIN = "login";
    public static final String ME = "me";
    public static final String FORGOT = "forgot";
    public static final String FORGOT_ONE_CLIENT = "forgot-1";
    public static final String RESET = "reset";
    /** Requests that are not compared (tokens, codes): recorded under this pair so that their errors still count. */
    public static final String SETUP = "setup";
    public static final List<String> ALL = List.of(LOGIN, ME, FORGOT, FORGOT_ONE_CLIENT, RESET);
    /**
     * The order the pairs run in: logins last. At 4 concurrent logins a second's worth of the login path runs a few
     * dozen times, so Keycloak's JIT compilers were still at work on it minutes into the run (a quarter of Keycloak's
     * CPU per login in the measured rounds when logins came first); by the end every path they share with the other
     * pairs (HTTP, JPA, caches, tokens) is compiled, and a long login warm-up does the rest.
     */
    static final List<String> RUN_ORDER = List.of(ME, FORGOT, FORGOT_ONE_CLIENT, RESET, LOGIN);

    private static final Duration CODE_WAIT = Duration.ofSeconds(30);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);

    private final BenchConfig config;
    private final BenchUsers users;
    private final Recorder recorder;
    private final Supplier<MailSink> mail;
    private final Supplier<Map<String, String>> userIds;
    private final CeilingWindows ceiling;
    private final BusyProbe keycloak;

    public Pairs(BenchConfig config, BenchUsers users, Recorder recorder, Supplier<MailSink> mail,
                 Supplier<Map<String, String>> userIds, CeilingWindows ceiling, BusyProbe keycloak) {
        this.config = config;
        this.ceiling = ceiling;
        this.keycloak = keycloak;
        this.users = users;
        this.recorder = recorder;
        this.mail = mail;
        this.userIds = userIds;
    }

    /** Every round of every pair, warm-ups first, to be run one after the other. */
    public List<PopulationBuilder> populations() {
        List<PopulationBuilder> all = new ArrayList<>();
        for (String pair : RUN_ORDER) {
            all.add(round(pair, 0));
        }
        for (String pair : RUN_ORDER) {
            for (int round = 1; round <= config.rounds(); round++) {
                all.add(round(pair, round));
            }
        }
        return all;
    }

    public static int concurrency(String pair) {
        return switch (pair) {
            case LOGIN -> BenchConfig.LOGIN_CONCURRENCY;
            case ME -> BenchConfig.ME_CONCURRENCY;
            case FORGOT -> BenchConfig.FORGOT_CONCURRENCY;
            case FORGOT_ONE_CLIENT -> BenchConfig.FORGOT_ONE_CLIENT_CONCURRENCY;
            default -> BenchConfig.RESET_CONCURRENCY;
        };
    }

    /** A first in the warm-up and odd rounds, B first in even rounds; the login pair's C (the ceiling) between. */
    public static List<String> order(String pair, int round) {
        boolean bFirst = round % 2 == 0 && round > 0;
        if (pair.equals(LOGIN)) {
            return bFirst ? List.of("B", "C", "A") : List.of("A", "C", "B");
        }
        return bFirst ? List.of("B", "A") : List.of("A", "B");
    }

    private PopulationBuilder round(String pair, int round) {
        int n = concurrency(pair);
        ChainBuilder chain = switch (pair) {
            case LOGIN -> login(round, n);
            case ME -> me(round, n);
            case FORGOT, FORGOT_ONE_CLIENT -> forgot(pair, round, n);
            default -> reset(round, n);
        };
        String name = String.format(Locale.ROOT, "%s %s", pair, round == 0 ? "warm-up" : "round " + round);
        return scenario(name).feed(slots(n)).exec(chain).injectOpen(atOnceUsers(n));
    }

    private Duration sideTime(String pair, int round) {
        if (round == 0) {
            return pair.equals(LOGIN) ? config.loginWarmUp() : config.warmUp();
        }
        return pair.equals(LOGIN) ? config.loginSide() : config.shortSide();
    }

    private ChainBuilder login(int round, int n) {
        Duration time = sideTime(LOGIN, round);
        Duration ceilingTime = round == 0 ? config.warmUp() : config.ceilingSide();
        return sides(LOGIN, round, n, side -> side.equals("C") ? exec(pause(ceilingTime))
                : exec(session -> session.set("k", 0)).exec(during(time, false).on(
                        exec(session -> nextLoginCustomer(session, n))
                                .exec(measured(LOGIN, side, round, side.equals("A")
                                        ? Requests.apiLogin("login A: POST /auth/login/")
                                        : Requests.tokenEndpoint("login B: token endpoint, password grant"))))));
    }

    private ChainBuilder me(int round, int n) {
        Duration time = sideTime(ME, round);
        ChainBuilder token = exec(session -> session.set("email",
                users.login((session.getInt("slot") + round * n) % users.loginCount())))
                .exec(unmeasured(round, "login for a token", Requests.apiLogin("setup: login for a token")));
        return token.exec(sides(ME, round, n, side -> loop(time, side, ME, round,
                side.equals("A") ? Requests.apiMe("me A: GET /auth/") : Requests.userinfo("me B: userinfo"))));
    }

    private ChainBuilder forgot(String pair, int round, int n) {
        Duration time = sideTime(pair, round);
        return sides(pair, round, n, side -> exec(session -> session.set("k", 0)).exec(during(time, false).on(
                exec(session -> side.equals("A") ? nextLoginCustomer(session, n) : nextUnknown(session, round))
                        .exec(measured(pair, side, round, Requests.forgot(side.equals("A")
                                ? "forgot A: known email" : "forgot B: unknown email"))))));
    }

    private ChainBuilder reset(int round, int n) {
        int perUser = users.resetsPerSide() / n;
        ChainBuilder codes = exec(repeat(perUser, "j").on(
                        exec(session -> session.set("email", resetCustomer(session, round, "a", n)))
                                .exec(unmeasured(round, "code for a reset",
                                        Requests.forgot("setup: forgot password for a code")))))
                .exec(session -> session.set("codeWait", System.currentTimeMillis()))
                .exec(asLongAs(session -> !codesArrived(session, round, n, perUser)).on(pause(Duration.ofMillis(200))))
                .exec(unmeasured(round, "admin token", Requests.adminToken("setup: admin token")));
        return codes.exec(sides(RESET, round, n, side -> repeat(perUser, "j").on(side.equals("A")
                ? exec(session -> withCode(session, resetCustomer(session, round, "a", n)))
                        .exec(measured(RESET, side, round, Requests.apiReset("reset A: POST /auth/reset_password/")))
                : exec(session -> session.set("userId", userIds.get().get(resetCustomer(session, round, "b", n))))
                        .exec(measured(RESET, side, round, Requests.adminReset("reset B: admin reset-password"))))));
    }

    /** Both sides of a round in this round's order, each between two rendezvous that mark its window. */
    private ChainBuilder sides(String pair, int round, int n, Function<String, ChainBuilder> side) {
        ChainBuilder chain = exec(rendezVous(n));
        for (String name : order(pair, round)) {
            chain = chain.exec(session -> {
                        recorder.mark(Recorder.begin(pair, name, round));
                        if (name.equals("C")) {
                            ceiling.begin(round);
                        }
                        return session;
                    })
                    .exec(side.apply(name))
                    .exec(rendezVous(n))
                    .exec(leavesWorkBehind(pair) ? drain(n) : exec(session -> session))
                    .exec(session -> {
                        if (name.equals("C")) {
                            ceiling.end(round);
                        }
                        recorder.mark(Recorder.end(pair, name, round));
                        return session;
                    });
        }
        return chain;
    }

    /** Forgot password answers first and works after: each side's window lasts until that work is done. */
    private static boolean leavesWorkBehind(String pair) {
        return pair.equals(FORGOT) || pair.equals(FORGOT_ONE_CLIENT);
    }

    private ChainBuilder drain(int n) {
        return exec(session -> session.set("drainStart", System.currentTimeMillis()))
                .exec(asLongAs(session -> keycloak.busy()
                        && System.currentTimeMillis() - session.getLong("drainStart") < DRAIN_LIMIT.toMillis())
                        .on(pause(Duration.ofMillis(500))))
                .exec(rendezVous(n));
    }

    private ChainBuilder loop(Duration time, String side, String pair, int round, HttpRequestActionBuilder request) {
        return exec(during(time, false).on(exec(measured(pair, side, round, request))));
    }

    private ChainBuilder measured(String pair, String side, int round, HttpRequestActionBuilder request) {
        return exec(request).exec(session -> record(session, pair, side, round));
    }

    private ChainBuilder unmeasured(int round, String what, HttpRequestActionBuilder request) {
        return exec(request).exec(session -> record(session, SETUP, what, round));
    }

    private Session record(Session session, String pair, String side, int round) {
        long millis = session.contains(Requests.MILLIS) ? session.getLong(Requests.MILLIS) : -1;
        int status = session.contains(Requests.STATUS) ? session.getInt(Requests.STATUS) : 0;
        recorder.record(new Sample(pair, side, round, System.currentTimeMillis(), millis, status));
        return session.remove(Requests.MILLIS).remove(Requests.STATUS);
    }

    /** The next customer of this virtual user's slice: slot, slot + n, slot + 2n, ... */
    private Session nextLoginCustomer(Session session, int n) {
        int k = session.getInt("k");
        int slice = users.loginCount() / n;
        return session.set("email", users.login(session.getInt("slot") + n * (k % slice))).set("k", k + 1);
    }

    private static Session nextUnknown(Session session, int round) {
        int k = session.getInt("k");
        return session.set("email", String.format(Locale.ROOT, "nobody-%d-%d-%d@example.com", round,
                session.getInt("slot"), k)).set("k", k + 1);
    }

    private String resetCustomer(Session session, int round, String side, int n) {
        return users.reset(round, side, session.getInt("slot") + n * session.getInt("j"));
    }

    private Session withCode(Session session, String email) {
        return session.set("email", email).set("code", mail.get().code(email).orElse("no-code-arrived"));
    }

    private boolean codesArrived(Session session, int round, int n, int perUser) {
        if (System.currentTimeMillis() - session.getLong("codeWait") > CODE_WAIT.toMillis()) {
            return true;
        }
        int slot = session.getInt("slot");
        return IntStream.range(0, perUser).allMatch(j -> mail.get().code(users.reset(round, "a", slot + n * j)).isPresent());
    }

    private static Iterator<Map<String, Object>> slots(int n) {
        return IntStream.range(0, n).<Map<String, Object>>mapToObj(slot -> Map.of("slot", slot)).iterator();
    }
}
