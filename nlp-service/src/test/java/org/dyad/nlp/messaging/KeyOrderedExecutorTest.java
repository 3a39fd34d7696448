package org.dyad.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Messages with the same key keep their order; messages with other keys do not wait for them. */
class KeyOrderedExecutorTest {

    @Test
    void tasksWithTheSameKeyRunInOrder() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(50);
        try (KeyOrderedExecutor workers = new KeyOrderedExecutor(4, 100)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                workers.submit("article-1", () -> {
                    seen.add(n);
                    done.countDown();
                }).toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).isSorted().hasSize(50);
    }

    @Test
    void anotherKeyRunsWhileTheFirstIsStillBusy() throws Exception {
        try (KeyOrderedExecutor workers = new KeyOrderedExecutor(2, 4)) {
            String a = "a";
            String b = "b";
            int i = 0;
            while (workers.laneOf(b) == workers.laneOf(a)) {
                b = "b" + i++;
            }
            CountDownLatch bRan = new CountDownLatch(1);
            AtomicBoolean aSawB = new AtomicBoolean();
            CountDownLatch aDone = new CountDownLatch(1);
            // a's task only finishes once b's task has run: with one thread for all keys this would never happen.
            workers.submit(a, () -> {
                try {
                    aSawB.set(bRan.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    aDone.countDown();
                }
            });
            workers.submit(b, bRan::countDown);
            assertThat(aDone.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(aSawB).isTrue();
        }
    }

    @Test
    void aFailingTaskDoesNotStopItsLane() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        try (KeyOrderedExecutor workers = new KeyOrderedExecutor(1, 2)) {
            workers.submit("k", () -> {
                throw new IllegalStateException("poison");
            });
            workers.submit("k", next::countDown);
            assertThat(next.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
