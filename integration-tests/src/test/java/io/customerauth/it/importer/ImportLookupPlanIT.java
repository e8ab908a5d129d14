package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.BulkEndpoint;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;

/**
 * A batch of the bulk import reads the rows of its own customers, not the table's, even while PostgreSQL has no
 * statistics for the tables yet, as in a fresh installation's first import until autovacuum's first ANALYZE. The
 * benchmark measured that window: the first 30,000 of 300,000 records at 396/s against 3,556/s for the last, the
 * batch's two lookups taking 0.8 and 1.2 s each where they take 5 and 18 ms once the tables are analyzed.
 *
 * <p>The test takes the two tables' statistics away (as a fresh database has none), keeps autovacuum from bringing
 * them back while it runs, and counts the rows PostgreSQL read from each table ({@code pg_stat_user_tables}) while a
 * batch of new customers was written, and while the same batch was sent again (each customer then found and compared).
 * Then it analyzes both tables again for the tests after it.
 */
@CustomerAuthIT
class ImportLookupPlanIT {

    private static final int CUSTOMERS_AT_LEAST = 20_000;
    private static final int BATCH = 500;
    private static final List<String> TABLES = List.of("user_entity", "user_attribute");
    /** PostgreSQL's PGSTAT_IDLE_INTERVAL, and a second more. */
    private static final int IDLE_REPORT_SECONDS = 11;

    private final Api api;
    private final Keycloak admin;
    private final Database database;

    ImportLookupPlanIT(Api api, Keycloak admin, Database database) {
        this.api = api;
        this.admin = admin;
        this.database = database;
    }

    @Test
    void aBatchReadsItsOwnCustomersNotTheWholeTableBeforeTheFirstAnalyze() throws Exception {
        assumeThat(database.single("select rolsuper from pg_roles where rolname = current_user"))
                .as("taking statistics away needs a superuser (the harness's own PostgreSQL is one)").isEqualTo(true);
        long customers = (long) database.single("select count(*) from user_attribute where name = 'customer_id'");
        for (long missing = CUSTOMERS_AT_LEAST - customers; missing > 0; missing -= 1_000) {
            importFiller((int) Math.min(1_000, missing));
        }
        customers = (long) database.single("select count(*) from user_attribute where name = 'customer_id'");
        long users = (long) database.single("select count(*) from user_entity");

        Map<String, Long> created;
        Map<String, Long> compared;
        try {
            database.execute("delete from pg_statistic where starelid in ('user_entity'::regclass,"
                    + " 'user_attribute'::regclass)");
            for (String table : TABLES) {
                // Also ends the plans Keycloak's connections cached with the statistics (a relation cache reset).
                database.execute("alter table " + table + " set (autovacuum_enabled = false)");
            }
            assertThat(database.single("select count(*) from pg_stats where tablename in ('user_entity',"
                    + " 'user_attribute')")).isEqualTo(0L);
            List<Map<String, Object>> batch = newCustomers(BATCH);

            Map<String, Long> before = settledCounters();
            assertThat(importBatch(batch)).as("a batch of new customers").contains("CREATED")
                    .doesNotContain("UNCHANGED");
            Map<String, Long> afterCreating = settledCounters();
            assertThat(importBatch(batch)).as("the same batch again").contains("UNCHANGED")
                    .doesNotContain("CREATED");
            created = read(before, afterCreating, BATCH);
            compared = read(afterCreating, settledCounters(), 0);
        } finally {
            for (String table : TABLES) {
                database.execute("alter table " + table + " reset (autovacuum_enabled)");
                database.execute("analyze " + table);
            }
        }

        // A batch's own rows cost a few reads per customer (a new one's foreign-key checks; a known one's user, its
        // attributes and its credentials); reading a table would cost every customer in it.
        for (Map.Entry<String, Map<String, Long>> run : Map.of("new", created, "known", compared).entrySet()) {
            assertThat(run.getValue().get("user_attribute")).as("rows of user_attribute read for a batch of %d %s"
                    + " customers, with %d customers in the table", BATCH, run.getKey(), customers)
                    .isLessThan(customers / 2);
            assertThat(run.getValue().get("user_entity")).as("rows of user_entity read for a batch of %d %s"
                    + " customers, with %d users in the table", BATCH, run.getKey(), users).isLessThan(users / 2);
        }
    }

    /** Rows read per table (by sequential and index scans) and rows inserted, as PostgreSQL's statistics count. */
    private Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Map<String, Object> row : database.query("select relname, seq_tup_read + coalesce(idx_tup_fetch, 0)"
                + " as read, n_tup_ins from pg_stat_user_tables where relname in ('user_entity', 'user_attribute')")) {
            counters.put((String) row.get("relname"), ((Number) row.get("read")).longValue());
            counters.put(row.get("relname") + ".inserted", ((Number) row.get("n_tup_ins")).longValue());
        }
        return counters;
    }

    /** The rows read per table between two settled counts, in which {@code inserted} users were inserted. */
    private static Map<String, Long> read(Map<String, Long> before, Map<String, Long> after, int inserted) {
        assertThat(after.get("user_entity.inserted") - before.get("user_entity.inserted"))
                .as("users inserted, as the statistics count them").isEqualTo(inserted);
        Map<String, Long> read = new LinkedHashMap<>();
        for (String table : TABLES) {
            read.put(table, after.get(table) - before.get(table));
        }
        return read;
    }

    /**
     * The counters once they have stayed the same for longer than a backend may hold its counts back: it sends them
     * to the statistics at most once a second, and within ten seconds once idle.
     */
    private Map<String, Long> settledCounters() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Map<String, Long> last = counters();
        Instant since = Instant.now();
        while (Duration.between(since, Instant.now()).getSeconds() <= IDLE_REPORT_SECONDS) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("PostgreSQL's statistics kept moving: " + last);
            }
            Thread.sleep(500);
            Map<String, Long> now = counters();
            if (!now.equals(last)) {
                last = now;
                since = Instant.now();
            }
        }
        return last;
    }

    private void importFiller(int size) {
        assertThat(importBatch(newCustomers(size))).doesNotContain("REJECTED");
    }

    /** Imports the users; the answer's results. */
    private String importBatch(List<Map<String, Object>> users) {
        Api.Response response = BulkEndpoint.post(api, admin.tokenManager().getAccessTokenString(), users);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("store").asText()).isEqualTo("sql");
        return response.json().path("results").toString();
    }

    private static List<Map<String, Object>> newCustomers(int size) {
        List<Map<String, Object>> users = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            users.add(BulkEndpoint.newCustomer("plan"));
        }
        return users;
    }
}
