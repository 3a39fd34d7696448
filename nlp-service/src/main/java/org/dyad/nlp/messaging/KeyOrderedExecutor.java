package org.dyad.nlp.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * N worker lanes, one thread each: tasks with the same key run on the same lane, so in the order they were
 * submitted, while tasks with other keys run in parallel. At most {@code capacity} tasks wait or run at once;
 * {@link #submit} answers a stage that completes when the task has been accepted, which is the backpressure the
 * Kafka consumer waits on before it hands over the next record.
 */
final class KeyOrderedExecutor implements AutoCloseable {

    private final List<ExecutorService> lanes;
    private final Semaphore slots;
    private final ExecutorService admission = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("nlp-admission").daemon().factory());

    KeyOrderedExecutor(int workers, int capacity) {
        if (workers < 1) {
            throw new IllegalArgumentException("dyad.nlp.workers must be at least 1, not " + workers);
        }
        List<ExecutorService> l = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            l.add(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("nlp-worker-" + i).daemon().factory()));
        }
        this.lanes = List.copyOf(l);
        this.slots = new Semaphore(Math.max(capacity, workers));
    }

    int workers() {
        return lanes.size();
    }

    /** The lane of a key: the same key always gets the same lane. */
    int laneOf(String key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), lanes.size());
    }

    /** Queues the task on its key's lane; the stage completes once it is queued (at once unless all slots are busy). */
    CompletionStage<Void> submit(String key, Runnable task) {
        ExecutorService lane = lanes.get(laneOf(key));
        Runnable release = () -> {
            try {
                task.run();
            } finally {
                slots.release();
            }
        };
        if (slots.tryAcquire()) {
            lane.execute(release);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        admission.execute(() -> {
            try {
                slots.acquire();
                lane.execute(release);
                accepted.complete(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                accepted.completeExceptionally(e);
            } catch (RuntimeException e) {
                slots.release();
                accepted.completeExceptionally(e);
            }
        });
        return accepted;
    }

    @Override
    public void close() {
        admission.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
