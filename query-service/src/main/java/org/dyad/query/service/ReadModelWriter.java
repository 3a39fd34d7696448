package org.dyad.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.EntityMention;
import org.dyad.query.domain.Article;
import org.dyad.query.domain.Mention;
import org.dyad.query.domain.NamedEntity;
import org.jboss.logging.Logger;

/**
 * Applies an enrichment to the read model: the article, its entities and its mentions change together
 * in one transaction, and applying the same event again leaves the same state.
 */
@ApplicationScoped
public class ReadModelWriter {

    private static final Logger LOG = Logger.getLogger(ReadModelWriter.class);

    // An upsert, not find-then-persist: two articles naming the same new entity may be applied
    // concurrently (other partitions, other replicas) and must not fail on the primary key.
    private static final String UPSERT_ENTITY = """
            INSERT INTO entity (id, name, type) VALUES (:id, :name, :type)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type
            WHERE (entity.name, entity.type) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type)
            """;

    private final EntityManager em;

    ReadModelWriter(EntityManager em) {
        this.em = em;
    }

    /**
     * Upserts the article, upserts its entities and replaces its mentions.
     *
     * @return false when the read model already holds a newer enrichment of the article, which is kept
     */
    @Transactional
    public boolean apply(ArticleEnriched event) {
        OffsetDateTime enrichedAt = event.occurredAt().atOffset(ZoneOffset.UTC);
        // The row lock serialises two enrichments of the same article; a new article has no row to lock
        // yet, but all its events share one partition and so one consumer.
        Article article = em.find(Article.class, event.articleId(), LockModeType.PESSIMISTIC_WRITE);
        if (article != null && article.enrichedAt.isAfter(enrichedAt)) {
            LOG.infof("Ignoring enrichment %s of article %s: the read model holds a newer one (%s)",
                    event.eventId(), event.articleId(), article.eventId);
            return false;
        }
        upsertEntities(event);
        boolean isNew = article == null;
        if (isNew) {
            article = new Article();
            article.id = event.articleId();
        }
        ArticleContent content = event.article();
        article.title = content.title();
        article.text = content.text();
        article.source = content.source();
        article.url = content.url();
        article.author = content.author();
        article.language = content.language();
        article.languageConfidence = content.languageConfidence();
        article.publishedAt = content.publishedAt();
        article.dateSource = content.dateSource();
        article.contentHash = content.contentHash();
        article.cleaning = content.cleaning();
        article.pipelineVersion = event.pipelineVersion();
        article.enrichedAt = enrichedAt;
        article.eventId = event.eventId();
        if (isNew) {
            article.persist();
        }

        Mention.deleteOfArticle(article.id);
        for (EntityMention m : event.mentions()) {
            Mention mention = new Mention();
            mention.article = article;
            mention.entity = em.getReference(NamedEntity.class, m.entityId());
            mention.text = m.text();
            mention.startOffset = m.start();
            mention.endOffset = m.end();
            mention.sentence = m.sentence();
            mention.persist();
        }
        return true;
    }

    private void upsertEntities(ArticleEnriched event) {
        // Sorted by id so that concurrent transactions lock entity rows in the same order (no deadlock);
        // the first mention's name and type win when one event names an entity differently.
        Map<String, EntityMention> byId = new TreeMap<>();
        event.mentions().forEach(m -> byId.putIfAbsent(m.entityId(), m));
        byId.values().forEach(m -> em.createNativeQuery(UPSERT_ENTITY)
                .setParameter("id", m.entityId())
                .setParameter("name", m.name())
                .setParameter("type", m.type())
                .executeUpdate());
    }
}
