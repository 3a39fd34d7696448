package org.dyad.nlp.messaging;

import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.errors.RecordTooLargeException;
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

    ArticleIngestedConsumer(ArticleEnricher enricher, NlpConfig config,
            @Channel(Channels.ARTICLES_ENRICHED) Emitter<Record<String, ArticleEnriched>> enriched,
            @Channel(Channels.ARTICLES_FAILED) Emitter<Record<String, ArticleFailed>> failed) {
        this.enricher = enricher;
        this.enriched = enriched;
        this.failed = failed;
        this.workers = new KeyOrderedExecutor(config.workers(), config.workers() * 2);
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
        try {
            switch (enricher.enrich(key, message.getPayload())) {
                case EnrichmentOutcome.Enriched e -> publish(e.event());
                case EnrichmentOutcome.Failed f -> publish(f.event());
            }
            message.ack();
        } catch (RuntimeException | Error e) {
            // The models are missing or the broker refuses: the service is at fault, not the article.
            LOG.errorf(e, "Could not process the message with key %s", key);
            message.nack(e);
        }
    }

    private void publish(ArticleEnriched event) {
        try {
            enriched.send(Record.of(event.key(), event)).toCompletableFuture().join();
        } catch (CompletionException e) {
            // An enrichment the broker refuses for its size would otherwise be retried forever.
            if (!causedBy(e, RecordTooLargeException.class)) {
                throw e;
            }
            publish(enricher.unpublishable(event, "larger than the producer's max.request.size").event());
        }
    }

    private void publish(ArticleFailed event) {
        failed.send(Record.of(event.key(), event)).toCompletableFuture().join();
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
