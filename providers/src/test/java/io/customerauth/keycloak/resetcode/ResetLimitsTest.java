package io.customerauth.keycloak.resetcode;

import io.customerauth.keycloak.resetcode.ResetCodeSettings.Limit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResetLimitsTest {

    @Test
    void anAddressCountsByAHashNeverByItsText() {
        String hash = ResetLimits.addressHash("203.0.113.7");

        assertThat(hash).matches("[A-Za-z0-9_-]{43}").doesNotContain("203");
        assertThat(ResetLimits.addressHash("203.0.113.8")).isNotEqualTo(hash);
        assertThat(ResetLimits.addressHash("::ffff:203.0.113.7")).as("IPv4-mapped IPv6").isEqualTo(hash);
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        String hash = ResetLimits.addressHash("2001:db8:1:2::1");

        assertThat(ResetLimits.addressHash("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(hash);
        assertThat(ResetLimits.addressHash("[2001:0db8:0001:0002::42]")).isEqualTo(hash);
        assertThat(ResetLimits.addressHash("2001:db8:1:3::1")).isNotEqualTo(hash);
    }

    @Test
    void whatIsNoAddressIsCountedByItsTextWithoutAnyLookup() {
        assertThat(ResetLimits.addressHash("not:an:address.example")).isNotEqualTo(ResetLimits.addressHash(null));
        assertThat(ResetLimits.addressHash(null)).isEqualTo(ResetLimits.addressHash(""));
    }

    @Test
    void addressesAndRealmMailsAreSeparateLimitsAndEveryKeyIsNamespaced() {
        InMemorySingleUseObjects store = new InMemorySingleUseObjects();
        ResetCodeSettings settings = new ResetCodeSettings(600, 5, 60, new Limit(1, 600), new Limit(2, 60));
        ResetLimits limits = new ResetLimits(store, "realm-1", settings);

        assertThat(limits.admitRequestFrom("198.51.100.1").admitted()).isTrue();
        assertThat(limits.admitRequestFrom("198.51.100.1").admitted()).isFalse();
        assertThat(limits.admitRequestFrom("198.51.100.2").admitted()).isTrue();
        assertThat(limits.admitMail().admitted()).isTrue();
        assertThat(limits.admitMail().admitted()).isTrue();
        assertThat(limits.admitMail().admitted()).isFalse();
        assertThat(new ResetLimits(store, "realm-2", settings).admitMail().admitted()).isTrue();

        assertThat(store.keys()).allMatch(key -> key.startsWith("customer-auth:reset-limit:"))
                .noneMatch(key -> key.contains("198.51"));
    }
}
