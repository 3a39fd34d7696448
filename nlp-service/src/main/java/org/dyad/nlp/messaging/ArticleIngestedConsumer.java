package org.dyad.nlp.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.ArticleFailed;
import org.dyad.nlp.config.NlpConfig;
import org.dyad.nlp.service.ArticleEnricher;
import org.dyad.nlp.service.EnrichmentOutcome;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes {@code articles.ingested} and publishes exactly one {@code articles.enriched} or {@code articles.failed}
 * event per message, keyed by article id. Messages are enriched by {@code dyad.nlp.workers} threads sharing the one
 * pipeline; messages with the same key (article id) go to the same worker, so they are processed in order. A
 * message is acknowledged only once its event is written (at least once; the connector commits an offset once
 * every earlier message of the partition is acknowledged); consumers downstream are idempotent.
 */
@ApplicationScoped
class ArticleIngestedConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleIngestedConsumer.class);

    private final ArticleEnricher enricher;
    private final Emitter<Record<String, ArticleEnriched>> enriched;
    private final Emitter<Record<String, ArticleFailed>> failed;
    private final KeyOrderedExecutor workers;
    private final Counter enrichedCount;
    private final Counter failedCount;
    private final Timer pipelineTime;

    ArticleIngestedConsumer(ArticleEnricher enricher, NlpConfig config,
            @Channel(Channels.ARTICLES_ENRICHED) Emitter<Record<String, ArticleEnriched>> enriched,
            @Channel(Channels.ARTICLES_FAILED) Emitter<Record<String, ArticleFailed>> failed, MeterRegistry metrics) {
        this.enricher = enricher;
        this.enriched = enriched;
        this.failed = failed;
        this.workers = new KeyOrderedExecutor(config.workers(), config.workers() * 2);
        this.enrichedCount = Counter.builder("dyad.articles.enriched").description("Articles enriched and published")
                .register(metrics);
        this.failedCount = Counter.builder("dyad.articles.failed")
                .description("Articles that could not be enriched (published on articles.failed)").register(metrics);
        this.pipelineTime = Timer.builder("dyad.pipeline.duration")
                .description("Time to enrich one article (throughput = count / time)").register(metrics);
        LOG.infof("Enriching articles with %d worker thread(s)", config.workers());
    }

    /**
     * Hands the message to its key's worker and returns at once (or, when every worker is busy and the queue is
     * full, once there is room), so the Kafka event loop is never blocked by annotation.
     */
    @Incoming(Channels.ARTICLES_INGESTED)
    CompletionStage<Void> consume(Message<String> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getKey() == null ? null : m.getKey().toString()).orElse(null);
        return workers.submit(key, () -> process(key, message));
    }

    private void process(String key, Message<String> message) {
        Headers passOn = passedOn(message);
        Header requestId = passOn.lastHeader(REQUEST_ID_HEADER);
        MDC.put("articleId", key == null ? "" : key);
        if (requestId != null) {
            MDC.put("requestId", new String(requestId.value(), StandardCharsets.UTF_8));
        }
        try {
            EnrichmentOutcome outcome = pipelineTime.recordCallable(() -> enricher.enrich(key, message.getPayload()));
            switch (outcome) {
                case EnrichmentOutcome.Enriched e -> {
                    publish(e.event(), passOn);
                    enrichedCount.increment();
                }
                case EnrichmentOutcome.Failed f -> {
                    publish(f.event(), passOn);
                    failedCount.increment();
                }
            }
            message.ack();
        } catch (Exception | Error e) {
            // The models are missing or the broker refuses: the service is at fault, not the article.
            LOG.errorf(e, "Could not process the message with key %s", key);
            message.nack(e);
        } finally {
            MDC.remove("articleId");
            MDC.remove("requestId");
        }
    }

    /** Kafka header with the X-Request-Id of the request that stored the article (set by ingest-service). */
    static final String REQUEST_ID_HEADER = "dyad-request-id";

    /** The request id and the W3C traceparent, copied from the ingested record onto the one published. */
    private static Headers passedOn(Message<String> message) {
        RecordHeaders headers = new RecordHeaders();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> {
            for (String name : new String[] {REQUEST_ID_HEADER, "traceparent", "tracestate"}) {
                Header header = m.getHeaders().lastHeader(name);
                if (header != null) {
                    headers.add(name, header.value());
                }
            }
        });
        return headers;
    }

    private void publish(ArticleEnriched event, Headers headers) {
        try {
            send(enriched, Record.of(event.key(), event), headers);
        } catch (CompletionException e) {
            // An enrichment the broker refuses for its size would otherwise be retried forever.
            if (!causedBy(e, RecordTooLargeException.class)) {
                throw e;
            }
            publish(enricher.unpublishable(event, "larger than the producer's max.request.size").event(), headers);
        }
    }

    private void publish(ArticleFailed event, Headers headers) {
        send(failed, Record.of(event.key(), event), headers);
    }

    /** Sends with the headers and waits for the broker's acknowledgement. */
    private static <T> void send(Emitter<Record<String, T>> emitter, Record<String, T> record, Headers headers) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(record)
                .addMetadata(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        acked.join();
    }

    @PreDestroy
    void stop() {
        workers.close();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
