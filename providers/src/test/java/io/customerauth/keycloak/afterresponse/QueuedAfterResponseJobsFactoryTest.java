package io.customerauth.keycloak.afterresponse;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's server options: its own, then the same ones under the SPI's former name, then the defaults. */
class QueuedAfterResponseJobsFactoryTest {

    @Test
    void theSpisOwnOptionGoverns() {
        assertThat(QueuedAfterResponseJobsFactory.option(scope(Map.of("jobsPerRealm", 30)), scope(Map.of()),
                QueuedAfterResponseJobsFactory.JOBS_PER_REALM, 200)).isEqualTo(30);
    }

    @Test
    void aServerStillConfiguredUnderTheMailQueuesNameKeepsItsValues() {
        Config.Scope former = scope(Map.of("threads", 8, "queueSize", 5000));

        assertThat(QueuedAfterResponseJobsFactory.option(scope(Map.of()), former,
                QueuedAfterResponseJobsFactory.THREADS, 4)).isEqualTo(8);
        assertThat(QueuedAfterResponseJobsFactory.option(scope(Map.of("threads", 2)), former,
                QueuedAfterResponseJobsFactory.THREADS, 4)).isEqualTo(2);
        assertThat(QueuedAfterResponseJobsFactory.option(scope(Map.of()), former,
                QueuedAfterResponseJobsFactory.QUEUE_SIZE, 1000)).isEqualTo(5000);
    }

    @Test
    void nothingSetIsTheDefaultAndNothingIsEverBelowOne() {
        assertThat(QueuedAfterResponseJobsFactory.option(scope(Map.of()), null,
                QueuedAfterResponseJobsFactory.JOBS_PER_REALM, 200)).isEqualTo(200);
        assertThat(QueuedAfterResponseJobsFactory.option(scope(Map.of("threads", 0)), null,
                QueuedAfterResponseJobsFactory.THREADS, 4)).isEqualTo(1);
    }

    @Test
    void theOptionsShowWithTheirDefaults() {
        assertThat(new QueuedAfterResponseJobsFactory().getConfigMetadata())
                .extracting(property -> property.getName() + "=" + property.getDefaultValue())
                .containsExactly("threads=4", "queueSize=1000", "jobsPerRealm=200");
    }

    private static Config.Scope scope(Map<String, Integer> values) {
        return (Config.Scope) Proxy.newProxyInstance(QueuedAfterResponseJobsFactoryTest.class.getClassLoader(),
                new Class<?>[] {Config.Scope.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInt" -> args.length == 1 ? values.get((String) args[0])
                            : values.getOrDefault((String) args[0], (Integer) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
