package io.customerauth.it.stack;

import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Mailbox;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class KeycloakMailIT {

    @Test
    void mailKeycloakSendsArrivesAtTheRealmsSmtpServer(Customers customers, RealmResource realm, Mailbox mailbox) {
        Customer customer = customers.create();

        realm.users().get(customer.id()).executeActionsEmail(List.of("UPDATE_PASSWORD"));

        Mailbox.Mail mail = mailbox.awaitMail(customer.email());
        assertThat(mail.from()).contains("no-reply@customers.test");
        assertThat(mail.text()).contains("Update Password");
    }
}
