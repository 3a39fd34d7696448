package org.dyad.ingest.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.dyad.ingest.config.IngestConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka. A round claims a batch (so several replicas never send the same rows
 * at once), sends it, waits for the broker's acknowledgements outside any transaction, and marks the
 * acknowledged rows published. Rows not acknowledged stay in the outbox and are retried: with Kafka
 * down, ingestion still succeeds and nothing is lost.
 */
@ApplicationScoped
class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final Emitter<Record<String, String>> emitter;
    private final IngestConfig config;

    private final Counter publishedCount;

    OutboxRelay(EntityManager em, @Channel(Channels.ARTICLES_INGESTED) Emitter<Record<String, String>> emitter,
            IngestConfig config, MeterRegistry metrics) {
        this.em = em;
        this.emitter = emitter;
        this.config = config;
        this.publishedCount = Counter.builder("dyad.articles.published")
                .description("articles.ingested events acknowledged by Kafka").register(metrics);
        // What waits in the outbox: grows while Kafka is down, drains when it is back.
        Gauge.builder("dyad.outbox.pending", this, OutboxRelay::pending)
                .description("Outbox rows not yet published").register(metrics);
    }

    private double pending() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from outbox_event where published_at is null")
                    .getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record Pending(UUID id, UUID articleId, String payload, String requestId, String traceParent) {
    }

    /** Kafka header carrying the X-Request-Id of the request that stored the article. */
    static final String REQUEST_ID_HEADER = "dyad-request-id";

    // not while the application starts or stops: the persistence unit may not be there yet, or be closed already
    @Scheduled(every = "${dyad.ingest.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        List<Pending> batch;
        do {
            batch = claim();
            if (batch.isEmpty()) {
                return;
            }
        } while (publish(batch) == batch.size());
    }

    /** Publishes a claimed batch; returns how many rows the broker acknowledged. */
    private int publish(List<Pending> batch) {
        List<CompletableFuture<UUID>> acks = new ArrayList<>(batch.size());
        for (Pending row : batch) {
            CompletableFuture<UUID> ack = new CompletableFuture<>();
            RecordHeaders headers = new RecordHeaders();
            if (row.requestId() != null) {
                headers.add(REQUEST_ID_HEADER, row.requestId().getBytes(StandardCharsets.UTF_8));
            }
            if (row.traceParent() != null) {
                // the trace of the request that stored the article, so the consumers' spans join it
                headers.add("traceparent", row.traceParent().getBytes(StandardCharsets.UTF_8));
            }
            emitter.send(Message.of(Record.of(row.articleId().toString(), row.payload()))
                    .addMetadata(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build())
                    .withAck(() -> {
                        ack.complete(row.id());
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            acks.add(ack);
        }
        List<UUID> published = new ArrayList<>();
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        for (CompletableFuture<UUID> ack : acks) {
            try {
                published.add(ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("outbox event not acknowledged by Kafka, will retry: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        publishedCount.increment(published.size());
        if (!published.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> em
                    .createNativeQuery("update outbox_event set published_at = now(), claimed_until = null where id in (:ids)")
                    .setParameter("ids", published)
                    .executeUpdate());
        }
        return published.size();
    }

    @SuppressWarnings("unchecked")
    private List<Pending> claim() {
        Instant until = Instant.now().plus(config.outbox().claimTimeout());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                    update outbox_event set claimed_until = :until
                    where id in (select id from outbox_event
                                 where published_at is null and (claimed_until is null or claimed_until < now())
                                 order by created_at limit :limit for update skip locked)
                    returning id, article_id, payload, created_at, request_id, trace_parent""")
                    .setParameter("until", Timestamp.from(until))
                    .setParameter("limit", config.outbox().batchSize())
                    .getResultList();
            // keep the order in which articles were stored
            rows.sort((a, b) -> ((Comparable<Object>) a[3]).compareTo(b[3]));
            return rows.stream().map(r -> new Pending((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[4],
                    (String) r[5])).toList();
        });
    }
}
