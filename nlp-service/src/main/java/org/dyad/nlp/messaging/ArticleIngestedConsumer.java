package org.dyad.nlp.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.ArticleFailed;
import org.dyad.nlp.service.ArticleEnricher;
import org.dyad.nlp.service.EnrichmentOutcome;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code articles.ingested} and publishes exactly one {@code articles.enriched} or {@code articles.failed}
 * event per message, keyed by article id. The message is acknowledged only once that event is written
 * (at least once); consumers downstream are idempotent.
 */
@ApplicationScoped
class ArticleIngestedConsumer {

    private final ArticleEnricher enricher;
    private final Emitter<Record<String, ArticleEnriched>> enriched;
    private final Emitter<Record<String, ArticleFailed>> failed;

    ArticleIngestedConsumer(ArticleEnricher enricher,
            @Channel(Channels.ARTICLES_ENRICHED) Emitter<Record<String, ArticleEnriched>> enriched,
            @Channel(Channels.ARTICLES_FAILED) Emitter<Record<String, ArticleFailed>> failed) {
        this.enricher = enricher;
        this.enriched = enriched;
        this.failed = failed;
    }

    /** Runs on a worker thread: annotating takes seconds and must not block the Kafka event loop. */
    @Incoming(Channels.ARTICLES_INGESTED)
    @Blocking
    void consume(ConsumerRecord<String, String> message) {
        switch (enricher.enrich(message.key(), message.value())) {
            case EnrichmentOutcome.Enriched e -> publish(e.event());
            case EnrichmentOutcome.Failed f -> publish(f.event());
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

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
