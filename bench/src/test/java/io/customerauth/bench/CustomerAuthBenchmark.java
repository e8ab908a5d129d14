package io.customerauth.bench;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.List;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The whole benchmark as one Gatling simulation: {@link #before()} starts the stack, creates the customers and
 * measures the argon2 ceiling; the populations run every pair, warm-ups first, one after the other; {@link #after()}
 * runs the import benchmark, writes the report and stops everything. Run it with bench/run.
 */
public final class CustomerAuthBenchmark extends Simulation {

    /** The minimum version the shipped realm asks of every client. */
    private static final String CLIENT_VERSION = "2.1.0";

    private final BenchRun run = new BenchRun(BenchConfig.fromSystemProperties());

    {
        HttpProtocolBuilder protocol = http.baseUrl(run.baseUrl())
                .disableWarmUp()
                .disableCaching()
                .acceptHeader("application/json")
                .header("X-Client-Version", CLIENT_VERSION)
                .userAgentHeader("customer-auth-bench (Gatling)");
        List<PopulationBuilder> rounds = run.pairs().populations();
        PopulationBuilder chain = rounds.get(rounds.size() - 1);
        for (int i = rounds.size() - 2; i >= 0; i--) {
            chain = rounds.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    @Override
    public void before() {
        run.start();
    }

    @Override
    public void after() {
        run.finish();
    }
}
