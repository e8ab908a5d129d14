package io.customerauth.it.stack;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.BulkEndpoint;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;
import org.junit.jupiter.api.RepeatedTest;
import org.keycloak.admin.client.Keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code customer_id} stays unique when many writers store the same one at once: admins through the admin API and
 * imports through the bulk endpoint, all started together. Exactly one user ends up holding it in PostgreSQL; every
 * other writer gets a clear refusal naming the field.
 */
@CustomerAuthIT
class CustomerIdConcurrencyIT {

    private static final int WRITERS = 20;
    private static final String USERS = "/admin/realms/customers/users";

    private final Api api;
    private final Keycloak admin;
    private final Database database;

    CustomerIdConcurrencyIT(Api api, Keycloak admin, Database database) {
        this.api = api;
        this.admin = admin;
        this.database = database;
    }

    @RepeatedTest(2)
    void twentyParallelAdminApiCreatesLeaveOneHolder() throws Exception {
        String customerId = UUID.randomUUID().toString();
        String token = admin.tokenManager().getAccessTokenString();

        List<Api.Response> answers = race(WRITERS, writer -> createThroughAdminApi(customerId, token));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(WRITERS - 1)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isIn(400, 409);
                    assertThat(refused.body()).contains("Another customer already has this customer_id.");
                });
        assertThat(holders(customerId)).isEqualTo(1L);
    }

    @RepeatedTest(2)
    void twentyParallelWritersThroughTheAdminApiAndTheBulkEndpointLeaveOneHolder() throws Exception {
        String customerId = UUID.randomUUID().toString();
        String token = admin.tokenManager().getAccessTokenString();

        List<Api.Response> answers = race(WRITERS, writer -> writer % 2 == 0
                ? createThroughAdminApi(customerId, token)
                : importThroughBulkEndpoint(customerId, token));

        long createdByAdminApi = answers.stream().filter(answer -> answer.status() == 201).count();
        long createdByBulk = answers.stream().filter(answer -> answer.status() == 200)
                .filter(answer -> answer.json().path("results").get(0).path("status").asText().equals("CREATED"))
                .count();
        assertThat(createdByAdminApi + createdByBulk).isEqualTo(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 200).allSatisfy(answer -> {
            String status = answer.json().path("results").get(0).path("status").asText();
            // A writer that finds the customer another one created updates its email (a re-run matches by customer_id).
            assertThat(status).isIn("CREATED", "UPDATED", "REJECTED");
            if (status.equals("REJECTED")) {
                assertThat(answer.json().path("results").get(0).path("reason").asText()).contains("customer_id");
            }
        });
        assertThat(answers).filteredOn(answer -> answer.status() != 200 && answer.status() != 201)
                .allSatisfy(refused -> assertThat(refused.body()).contains("customer_id"));
        assertThat(holders(customerId)).isEqualTo(1L);
    }

    private long holders(String customerId) {
        return (Long) database.single(
                "select count(*) from user_attribute where name = 'customer_id' and value = ?", customerId);
    }

    private Api.Response createThroughAdminApi(String customerId, String token) {
        return api.request("POST", "").at(api.url(USERS)).bearer(token).json(newCustomer(customerId)).send();
    }

    private Api.Response importThroughBulkEndpoint(String customerId, String token) {
        return BulkEndpoint.post(api, token, List.of(newCustomer(customerId)));
    }

    /** A user representation with a fresh email and the contested customer_id. */
    private static Map<String, Object> newCustomer(String customerId) {
        return BulkEndpoint.customer("race-" + UUID.randomUUID() + "@example.test", customerId, "FR", "fr");
    }

    /** Runs the writers together: each waits at a start line until all are ready. */
    private static List<Api.Response> race(int writers, WriterTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int index = writer;
                Callable<Api.Response> call = () -> {
                    ready.countDown();
                    go.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            ready.await();
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface WriterTask {
        Api.Response run(int writer);
    }
}
