package io.customerauth.dev;

import io.customerauth.dev.postgres.JdbcUrls;
import io.customerauth.dev.process.InstanceLock;
import io.customerauth.dev.process.LogTail;
import io.customerauth.dev.process.ProcessNotReadyException;
import io.customerauth.dev.process.SupervisedProcess;
import io.customerauth.dev.stack.Banner;
import io.customerauth.dev.stack.ChildLaunch;
import io.customerauth.dev.stack.KeycloakEnvFile;
import io.customerauth.dev.stack.KeycloakLaunch;
import io.customerauth.dev.stack.LocalPorts;
import io.customerauth.dev.stack.ProgressNotes;
import io.customerauth.dev.stack.StackSettings;
import io.customerauth.dev.stack.StackSupervisor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part of bin/dev that runs the stack, once the shell has built, fetched and unpacked what it needs (bin/dev
 * ends with {@code exec java ... io.customerauth.dev.DevStack}, its settings in the environment: see
 * {@link StackSettings}). One at a time (a lock file names the running one); stops what a killed earlier run left;
 * starts the mail catcher, PostgreSQL with {@code --db postgres} and Keycloak as supervised children, waits until
 * Keycloak and the realm answer, prints the URLs; then stops everything on Ctrl-C or SIGTERM (a JVM shutdown hook),
 * or as soon as one of them stops on its own. The children are separate processes, not threads of this JVM: each has
 * its own log as before, a crash of one is seen and reported like any other, and the supervisor stays small.
 */
public final class DevStack {

    private static final Duration MAIL_CATCHER_START = Duration.ofSeconds(60);
    private static final Duration POSTGRES_START = Duration.ofSeconds(180);
    private static final Duration KEYCLOAK_GRACE = Duration.ofSeconds(60);
    private static final Duration MAIL_CATCHER_GRACE = Duration.ofSeconds(15);
    private static final Duration POSTGRES_GRACE = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(60);
    private static final Duration NOTE_EVERY = Duration.ofSeconds(20);

    private final StackSettings settings;
    private StackSupervisor supervisor;
    private volatile boolean failing;

    private DevStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        DevStack stack;
        try {
            stack = new DevStack(StackSettings.from(DevEnv.system(), Path.of("")));
        } catch (IllegalArgumentException e) {
            System.err.println("bin/dev: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            stack.run();
        } catch (Failure e) {
            stack.fail(e.getMessage());
        } catch (IOException | RuntimeException e) {
            stack.fail(e.toString());
        }
    }

    /** Returns only when something went wrong; the shutdown hook stops what was started. */
    private void run() throws IOException {
        supervisor = new StackSupervisor(acquireLock(), DevStack::say);
        supervisor.stopLeftovers(LEFTOVER_GRACE);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "bin-dev-stop"));
        LocalPorts.clash(settings).ifPresent(clash -> {
            throw new Failure(clash);
        });
        resetDatabase();
        SupervisedProcess mailCatcher = startMailCatcher();
        SupervisedProcess postgres = switch (settings.database()) {
            case H2 -> null;
            case EMBEDDED_POSTGRES -> startPostgres();
            case EXTERNAL_POSTGRES -> {
                prepareExternalDatabase();
                yield null;
            }
        };
        SupervisedProcess keycloak = startKeycloak();
        System.out.print(Banner.text(settings));
        System.out.flush();
        SupervisedProcess exited = supervisor.awaitFirstExit();
        quietWhenStopping();
        if (exited == keycloak) {
            keycloakFailed("Keycloak stopped on its own (see above and dev.log); stopping the rest");
        }
        System.err.println(exited.tail(20));
        String log = settings.relative(exited == postgres ? postgres.log() : mailCatcher.log());
        throw new Failure(exited.name() + " stopped on its own (see " + log + "); stopping the rest");
    }

    private InstanceLock acquireLock() throws IOException {
        try {
            return InstanceLock.acquire(settings.devDir().resolve("dev-stack.lock"), settings.keycloakUrl());
        } catch (InstanceLock.AlreadyLockedException e) {
            if (e.holderPid().isEmpty()) {
                throw new Failure("another bin/dev is starting right now");
            }
            long pid = e.holderPid().getAsLong();
            throw new Failure("bin/dev is already running (PID " + pid + ") at " + e.holderDescription()
                    + ". Stop it with Ctrl-C in its terminal, or: kill " + pid);
        }
    }

    private void resetDatabase() throws IOException {
        if (!settings.reset()) {
            return;
        }
        boolean h2 = settings.database() == StackSettings.Database.H2;
        Path data = h2 ? settings.h2Data() : settings.postgresData();
        say("--reset: deleting the " + (h2 ? "H2 database" : "PostgreSQL data") + " (" + settings.relative(data) + ")");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private SupervisedProcess startMailCatcher() throws IOException {
        SupervisedProcess mailCatcher = startDevTool("the mail catcher", DevMailCatcher.class,
                ChildLaunch.mailCatcherEnvironment(settings), "mail-catcher.log", MAIL_CATCHER_GRACE);
        awaitLine(mailCatcher, "Mail catcher ready", MAIL_CATCHER_START);
        say("Mail catcher ready (SMTP localhost:" + settings.smtpPort() + ", web page http://localhost:"
                + settings.mailHttpPort() + "/).");
        return mailCatcher;
    }

    private SupervisedProcess startPostgres() throws IOException {
        say("Starting PostgreSQL on port " + settings.postgresPort() + " (data in "
                + settings.relative(settings.postgresData()) + ")...");
        SupervisedProcess postgres = startDevTool("PostgreSQL", DevPostgres.class,
                ChildLaunch.postgresEnvironment(settings), "postgres.log", POSTGRES_GRACE);
        awaitLine(postgres, "PostgreSQL ready", POSTGRES_START);
        say("PostgreSQL ready (" + settings.jdbcUrl() + ").");
        return postgres;
    }

    private void prepareExternalDatabase() {
        String url = JdbcUrls.withoutQuery(settings.dbUrl());
        say("Checking the database " + url + "...");
        if (!DevDatabaseSetup.prepare(settings.dbUrl(), settings.dbUsername(), settings.dbPassword(),
                settings.dbAdminUrl())) {
            throw new Failure("Keycloak cannot use " + url + " as " + settings.dbUsername()
                    + " (see above; --db-admin-url lets bin/dev create them)");
        }
    }

    private SupervisedProcess startKeycloak() throws IOException {
        say("Starting Keycloak " + settings.keycloakVersion() + " (" + settings.databaseDescription()
                + "); its log: dev.log");
        Map<String, String> envFile = KeycloakEnvFile.read(settings.repo().resolve(KeycloakEnvFile.PATH));
        SupervisedProcess keycloak = startChild("Keycloak", KeycloakLaunch.command(settings),
                KeycloakLaunch.environment(settings, envFile), "keycloak.out", KEYCLOAK_GRACE,
                settings.keycloakHome().toString());
        say("Waiting for Keycloak to be ready (about a minute on a small machine; tail -f dev.log to follow)...");
        long started = System.nanoTime();
        try (ProgressNotes ignored = ProgressNotes.every(NOTE_EVERY, "  ...still starting (%d s)", DevStack::say)) {
            keycloak.awaitHttpOk(URI.create("http://127.0.0.1:" + settings.managementPort() + "/health/ready"),
                    settings.startTimeout());
            keycloak.awaitHttpOk(URI.create("http://127.0.0.1:" + settings.httpPort() + "/realms/"
                    + StackSettings.REALM + "/.well-known/openid-configuration"),
                    remaining(settings.startTimeout(), started));
        } catch (ProcessNotReadyException e) {
            keycloakFailed(e.exitCode().isPresent() ? "Keycloak stopped while starting (see above and dev.log)"
                    : "Keycloak was not ready within " + settings.startTimeout().toSeconds() + "s (KC_START_TIMEOUT)");
        }
        say("Keycloak is ready after " + secondsSince(started) + " s.");
        return keycloak;
    }

    private SupervisedProcess startDevTool(String name, Class<?> main, Map<String, String> environment, String log,
                                           Duration grace) throws IOException {
        return startChild(name, ChildLaunch.devTool(main), environment, log, grace, main.getName());
    }

    private SupervisedProcess startChild(String name, List<String> command, Map<String, String> environment,
                                         String log, Duration grace, String marker) throws IOException {
        return supervisor.start(name, ChildLaunch.builder(command, environment, settings.repo()),
                settings.devDir().resolve(log), grace, marker);
    }

    private void awaitLine(SupervisedProcess process, String line, Duration timeout) {
        try {
            process.awaitLogLine(Pattern.compile(Pattern.quote(line)), timeout);
        } catch (ProcessNotReadyException e) {
            quietWhenStopping();
            System.err.println(e.logTail());
            String name = Character.toUpperCase(process.name().charAt(0)) + process.name().substring(1);
            throw new Failure(name + (e.exitCode().isPresent() ? " failed to start"
                    : " did not start within " + timeout.toSeconds() + "s")
                    + " (the end of " + settings.relative(process.log()) + " is above)");
        }
    }

    private void keycloakFailed(String message) {
        quietWhenStopping();
        System.err.println();
        System.err.println("---- the end of dev.log ----");
        System.err.println(LogTail.lastLines(settings.devLog(), 30));
        System.err.println("---- the end of target/dev/keycloak.out ----");
        System.err.println(LogTail.lastLines(settings.devDir().resolve("keycloak.out"), 15));
        throw new Failure(message);
    }

    /** A child that exits while Ctrl-C or SIGTERM stops everything is no news: nothing more is said. */
    private void quietWhenStopping() {
        if (supervisor.isStopping()) {
            throw new Failure("stopping");
        }
    }

    /** Says why, then exits with status 1; the shutdown hook stops the rest. Quiet when a signal is stopping us. */
    private void fail(String message) {
        if (supervisor != null && supervisor.isStopping()) {
            return;
        }
        failing = true;
        System.err.println("bin/dev: " + message);
        System.exit(1);
    }

    private void stopEverything() {
        if (!failing) {
            System.out.println();
            say("Stopping everything...");
        }
        supervisor.stopAll();
    }

    private static Duration remaining(Duration timeout, long startedNanos) {
        Duration left = timeout.minusNanos(System.nanoTime() - startedNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static long secondsSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanoTime);
    }

    private static void say(String message) {
        System.out.println("bin/dev: " + message);
    }

    /** A reason to stop, said as it is. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }
}
