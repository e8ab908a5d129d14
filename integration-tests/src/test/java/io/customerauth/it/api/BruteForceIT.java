package io.customerauth.it.api;

import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Customers;
import io.customerauth.it.harness.Customers.Customer;
import io.customerauth.it.harness.Events;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerAuthIT
class BruteForceIT {

    @Test
    void afterTheFailureLimitTheRightPasswordIsRefusedAlikeUntilAnAdminUnlocks(
            Api api, Customers customers, Events events, RealmResource realm) {
        Customer customer = customers.create();
        int failureFactor = realm.toRepresentation().getFailureFactor();
        Api.Response wrong = null;
        for (int i = 0; i < failureFactor; i++) {
            wrong = api.login(customer.email(), "Wrong-password-" + i);
        }

        Api.Response locked = api.login(customer.email(), customer.password());

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(wrong.body());
        Map<String, Object> status = realm.attackDetection().bruteForceUserStatus(customer.id());
        assertThat(status.get("disabled")).isEqualTo(true);
        assertThat(events.of(customer.id(), "LOGIN_ERROR")).extracting(EventRepresentation::getError)
                .contains("user_temporarily_disabled");

        realm.attackDetection().clearBruteForceForUser(customer.id());

        assertThat(api.login(customer.email(), customer.password()).status()).isEqualTo(200);
    }

    @Test
    void everyFailedLoginCountsAsAFailure(Api api, Customers customers, RealmResource realm) {
        Customer customer = customers.create();

        api.login(customer.email(), "Wrong-password-1");
        api.login(customer.email(), "Wrong-password-2");

        assertThat(realm.attackDetection().bruteForceUserStatus(customer.id()).get("numFailures")).isEqualTo(2);
    }
}
