package io.customerauth.it.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerauth.it.harness.Mailbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steady mixed load every scenario runs under: virtual users on both nodes, each taking a customer of its own
 * and doing what an app does — log in, read the current user, ask for a code, reset the password with the code from
 * the mail — at a set rate (or as fast as they can, to measure capacity). Every request is recorded as its caller saw
 * it ({@link Sample}); nothing here judges.
 */
final class MixedLoad implements AutoCloseable {

    static final List<String> ROUTES = List.of("login", "me", "forgot", "reset");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CODE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    /** A node as the load reaches it. */
    record Target(String node, String apiUrl) {
    }

    private final List<Target> targets;
    private final BlockingQueue<LoadCustomer> customers;
    private final Mailbox mailbox;
    private final int virtualUsers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Pacer pacer;

    MixedLoad(List<Target> targets, List<LoadCustomer> customers, Mailbox mailbox, int virtualUsers) {
        this.targets = List.copyOf(targets);
        this.customers = new ArrayBlockingQueue<>(customers.size(), false, customers);
        this.mailbox = mailbox;
        this.virtualUsers = virtualUsers;
    }

    /** Starts the virtual users at this many requests per second in all; 0 for as fast as they can. */
    void start(double requestsPerSecond) {
        rate(requestsPerSecond);
        running.set(true);
        for (int i = 0; i < virtualUsers; i++) {
            int user = i;
            Thread thread = new Thread(() -> run(user), "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void rate(double requestsPerSecond) {
        pacer = requestsPerSecond > 0 ? new Pacer(requestsPerSecond) : null;
    }

    /** Every sample so far. */
    Samples samples() {
        return new Samples(new ArrayList<>(samples));
    }

    /** Forgets the samples so far (a warm-up's, or a capacity run's). */
    void clear() {
        samples.clear();
    }

    private void run(int user) {
        int turn = user;
        while (running.get()) {
            Pacer current = pacer;
            if (current != null && !current.awaitSlot()) {
                continue;
            }
            LoadCustomer customer;
            try {
                customer = customers.take();
            } catch (InterruptedException e) {
                return;
            }
            Target target = targets.get(turn++ % targets.size());
            try {
                act(target, customer);
            } catch (RuntimeException | AssertionError unexpected) {
                // a virtual user never dies: what broke is a sample, and the load goes on
                samples.add(new Sample(System.currentTimeMillis(), target.node(), "load", 0, 0, false, false, false,
                        unexpected.getClass().getSimpleName()));
            } finally {
                customers.add(customer);
            }
        }
    }

    private void act(Target target, LoadCustomer customer) {
        long now = System.currentTimeMillis();
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 20 && customer.mailsBeforeForgot() >= 0) {
            String code = arrivedCode(customer);
            if (code != null) {
                reset(target, customer, code);
                return;
            }
        }
        if (dice < 10 && customer.mayAskForCode(now)) {
            int mails = mailbox.to(customer.email()).size();
            if (call(target, "forgot", "/forgot_password/", Map.of("email", customer.email()), null).ok()) {
                customer.askedForCode(now, mails);
            }
            return;
        }
        String token = customer.freshToken(now);
        if (token == null || dice < 40) {
            login(target, customer);
        } else {
            call(target, "me", "/", null, token);
        }
    }

    /** The code of the latest code mail since the last request for one (a password-changed notice carries none). */
    private String arrivedCode(LoadCustomer customer) {
        List<Mailbox.Mail> mails = mailbox.to(customer.email());
        for (int i = mails.size() - 1; i >= Math.max(0, customer.mailsBeforeForgot()); i--) {
            Matcher code = CODE.matcher(mails.get(i).text());
            if (code.find()) {
                return code.group();
            }
        }
        return null;
    }

    private void login(Target target, LoadCustomer customer) {
        Result result = call(target, "login", "/login/",
                Map.of("email", customer.email(), "password", customer.password()), null);
        if (result.status() == 401 && customer.candidatePassword() != null) {
            result = call(target, "login", "/login/",
                    Map.of("email", customer.email(), "password", customer.candidatePassword()), null);
            if (result.ok()) {
                customer.passwordChanged(customer.candidatePassword());
            }
        }
        if (result.ok() && result.body() != null) {
            customer.loggedIn(result.body().path("data").path("jwt").asText(), System.currentTimeMillis());
        }
    }

    private void reset(Target target, LoadCustomer customer, String code) {
        String password = "Load-" + UUID.randomUUID().toString().substring(0, 13) + "-Pw";
        Result result = call(target, "reset", "/reset_password/",
                Map.of("email", customer.email(), "verification_code", code, "password", password), null);
        if (result.ok()) {
            customer.passwordChanged(password);
        } else if (!result.sample().answered() || result.sample().serverError()) {
            customer.passwordMaybeChanged(password);
        }
        customer.codeUsed();
    }

    private record Result(Sample sample, JsonNode body) {
        boolean ok() {
            return sample.ok();
        }

        int status() {
            return sample.status();
        }
    }

    private Result call(Target target, String route, String path, Object body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.apiUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Client-Version", "2.1.0")
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            request.method(body == null ? "GET" : "POST", body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            JsonNode json = parse(response.body());
            Sample sample = new Sample(startMillis, target.node(), route, response.statusCode(), millis, json != null,
                    response.headers().firstValue("X-Request-ID").isPresent(), json != null && json.has("request_id"),
                    null);
            samples.add(sample);
            return new Result(sample, json);
        } catch (IOException e) {
            Sample sample = new Sample(startMillis, target.node(), route, 0, (System.nanoTime() - start) / 1e6,
                    false, false, false, e.getClass().getSimpleName());
            samples.add(sample);
            return new Result(sample, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Sample sample = new Sample(startMillis, target.node(), route, 0, 0, false, false, false, "interrupted");
            return new Result(sample, null);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public void close() {
        running.set(false);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(REQUEST_TIMEOUT.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Evenly spaced start slots shared by every virtual user; slots missed by more than a second are dropped. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double perSecond) {
            this.intervalNanos = (long) (1e9 / perSecond);
        }

        /** Sleeps until this caller's slot; false if interrupted. */
        boolean awaitSlot() {
            long slot;
            synchronized (this) {
                long now = System.nanoTime();
                next = Math.max(next + intervalNanos, now - 1_000_000_000L);
                slot = next;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return true;
        }
    }
}
