package org.dyad.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.ArticleFailed;
import org.dyad.ingest.domain.ArticleStatus;
import org.dyad.ingest.service.StatusService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Follows enrichment outcomes so that the status endpoint can tell enriched from failed. */
@ApplicationScoped
class StatusConsumer {

    private static final Logger LOG = Logger.getLogger(StatusConsumer.class);

    private final ObjectMapper json;
    private final StatusService statuses;

    StatusConsumer(ObjectMapper json, StatusService statuses) {
        this.json = json;
        this.statuses = statuses;
    }

    @Incoming(Channels.ARTICLES_ENRICHED)
    @Blocking
    void enriched(String value) {
        try {
            ArticleEnriched event = json.readValue(value, ArticleEnriched.class);
            statuses.record(event.articleId(), ArticleStatus.ENRICHED, null, event.pipelineVersion());
        } catch (Exception e) {
            // the status is only a view of enrichment: a bad message must not stall it
            LOG.errorf("unreadable articles.enriched message skipped: %s", e.getMessage());
        }
    }

    @Incoming(Channels.ARTICLES_FAILED)
    @Blocking
    void failed(String value) {
        try {
            ArticleFailed event = json.readValue(value, ArticleFailed.class);
            String reason = event.detail() == null ? event.reason() : event.reason() + ": " + event.detail();
            statuses.record(event.articleId(), ArticleStatus.FAILED, reason, event.pipelineVersion());
        } catch (Exception e) {
            LOG.errorf("unreadable articles.failed message skipped: %s", e.getMessage());
        }
    }
}
