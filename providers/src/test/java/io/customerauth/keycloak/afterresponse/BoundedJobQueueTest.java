package io.customerauth.keycloak.afterresponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedJobQueueTest {

    private final AtomicLong clock = new AtomicLong();
    private final CountDownLatch release = new CountDownLatch(1);
    private BoundedJobQueue queue;

    @AfterEach
    void stop() {
        release.countDown();
        queue.shutdown(5, TimeUnit.SECONDS);
    }

    @Test
    void aRealmGetsNoMoreThanItsShareAndAnotherRealmIsNotHeldUp() throws Exception {
        queue = new BoundedJobQueue(2, 100, 2, clock::get);
        CountDownLatch bothRunning = new CountDownLatch(2);

        assertThat(queue.submit("flooded", blocking(bothRunning)).queued()).isTrue();
        assertThat(queue.submit("flooded", blocking(bothRunning)).queued()).isTrue();
        assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
        BoundedJobQueue.Admission third = queue.submit("flooded", () -> { });

        assertThat(third.queued()).isFalse();
        assertThat(queue.submit("other", () -> { }).queued()).isTrue();
    }

    @Test
    void aFullServerQueueDropsAndReportsTheFirstDropThenAtMostOnceAMinuteWithTheCount() throws Exception {
        queue = new BoundedJobQueue(1, 1, 100, clock::get);
        CountDownLatch running = new CountDownLatch(1);
        queue.submit("realm", blocking(running));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.submit("realm", () -> { }).queued()).as("the one place in the queue").isTrue();

        BoundedJobQueue.Admission first = queue.submit("realm", () -> { });
        BoundedJobQueue.Admission second = queue.submit("realm", () -> { });
        BoundedJobQueue.Admission third = queue.submit("realm", () -> { });
        clock.addAndGet(BoundedJobQueue.REPORT_INTERVAL_NANOS);
        BoundedJobQueue.Admission aMinuteLater = queue.submit("realm", () -> { });

        assertThat(first.queued()).isFalse();
        assertThat(first.dropsToReport()).isEqualTo(1);
        assertThat(second.dropsToReport()).isZero();
        assertThat(third.dropsToReport()).isZero();
        assertThat(aMinuteLater.dropsToReport()).isEqualTo(3);
    }

    @Test
    void aJobThatRanNoLongerCountsAgainstItsRealm() throws Exception {
        queue = new BoundedJobQueue(1, 10, 1, clock::get);
        CountDownLatch done = new CountDownLatch(1);

        queue.submit("realm", done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        awaitQueued("realm", 0);

        assertThat(queue.submit("realm", () -> { }).queued()).isTrue();
    }

    private Runnable blocking(CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** The count drops in the job's finally, just after the job itself: wait for that explicit state. */
    private void awaitQueued(String realmId, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.queued(realmId) != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(queue.queued(realmId)).isEqualTo(expected);
    }
}
