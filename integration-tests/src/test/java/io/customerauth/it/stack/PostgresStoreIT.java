package io.customerauth.it.stack;

import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Database;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class PostgresStoreIT {

    @Test
    void customerCreatedThroughTheAdminApiIsARowInPostgresWithItsAttributes(Customers customers, Database database) {
        Customer customer = customers.create(Customers.spec().country("DE").language("de"));

        assertThat(database.single("SELECT email FROM user_entity WHERE id = ?", customer.id()))
                .isEqualTo(customer.email().toLowerCase(Locale.ROOT));
        assertThat(database.query("SELECT name, value FROM user_attribute WHERE user_id = ? ORDER BY name",
                customer.id()))
                .extracting(row -> row.get("name") + "=" + row.get("value"))
                .contains("country=DE", "customer_id=" + customer.customerId(), "language=de");
    }
}
