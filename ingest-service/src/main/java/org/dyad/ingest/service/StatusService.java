package org.dyad.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.dyad.ingest.domain.Article;
import org.dyad.ingest.domain.ArticleStatus;
import org.jboss.logging.Logger;

/** Moves an article's status forward as enrichment reports back. */
@ApplicationScoped
public class StatusService {

    private static final Logger LOG = Logger.getLogger(StatusService.class);

    /** Records the outcome of enrichment; an unknown article id is logged and ignored (it is not ours). */
    public void record(UUID articleId, ArticleStatus status, String reason, String pipelineVersion) {
        QuarkusTransaction.requiringNew().run(() -> {
            Article article = Article.findById(articleId);
            if (article == null) {
                LOG.warnf("status %s for unknown article %s ignored", status, articleId);
                return;
            }
            article.status = status;
            article.statusReason = reason;
            if (pipelineVersion != null) {
                article.pipelineVersion = pipelineVersion;
            }
            article.updatedAt = Instant.now();
        });
    }
}
