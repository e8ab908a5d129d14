package io.customerauth.it.stack;

import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class CustomerIdIT {

    @Test
    void adminsCannotGiveASecondCustomerTheSameCustomerId(Customers customers, RealmResource realm) {
        Customer first = customers.create();
        UserRepresentation second = new UserRepresentation();
        second.setUsername("second-" + System.nanoTime() + "@example.test");
        second.setEmail(second.getUsername());
        second.setEnabled(true);
        second.setAttributes(Map.of("customer_id", List.of(first.customerId()), "country", List.of("FR"),
                "language", List.of("fr")));

        try (Response response = realm.users().create(second)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("Another customer already has this customer_id.");
        }
        assertThat(realm.users().searchByAttributes("customer_id:" + first.customerId())).hasSize(1);
    }

    @Test
    void aCustomerKeepsItsOwnCustomerIdWhenEdited(Customers customers, RealmResource realm) {
        Customer customer = customers.create();
        UserRepresentation user = customers.representation(customer);
        user.getAttributes().put("country", List.of("BE"));

        realm.users().get(customer.id()).update(user);

        assertThat(customers.representation(customer).getAttributes().get("country")).containsExactly("BE");
    }

    @Test
    void customerIdMustBeAUuid(RealmResource realm) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("bad-id-" + System.nanoTime() + "@example.test");
        user.setEmail(user.getUsername());
        user.setEnabled(true);
        user.setAttributes(Map.of("customer_id", List.of("123"), "country", List.of("FR"), "language", List.of("fr")));

        try (Response response = realm.users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("customer_id must be a UUID");
        }
    }
}
