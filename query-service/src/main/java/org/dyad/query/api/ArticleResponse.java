package org.dyad.query.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dyad.contracts.CleaningRecord;
import org.dyad.query.domain.Article;
import org.dyad.query.domain.Mention;
import org.dyad.query.domain.NamedEntity;
import org.dyad.query.service.ArticleDetail;

/**
 * The answer to {@code GET /api/v1/articles/{id}}: the cleaned text and its entities, each with the mentions
 * whose offsets point into {@code text}.
 */
record ArticleResponse(UUID id, String title, String text, String source, String url, String author,
        String language, double languageConfidence, LocalDate publishedAt, String dateSource, String pipelineVersion,
        CleaningRecord cleaning, List<EntityWithMentions> entities) {

    static ArticleResponse of(ArticleDetail detail) {
        Article a = detail.article();
        // Entities in order of their first mention, which is the order a reader meets them.
        Map<String, EntityWithMentions> byEntity = new LinkedHashMap<>();
        for (Mention m : detail.mentions()) {
            NamedEntity e = m.entity;
            byEntity.computeIfAbsent(e.id, id -> new EntityWithMentions(id, e.name, e.type, new ArrayList<>()))
                    .mentions().add(new MentionView(m.text, m.startOffset, m.endOffset, m.sentence));
        }
        List<EntityWithMentions> entities = byEntity.values().stream()
                .map(e -> new EntityWithMentions(e.entityId(), e.name(), e.type(), List.copyOf(e.mentions())))
                .toList();
        return new ArticleResponse(a.id, a.title, a.text, a.source, a.url, a.author, a.language,
                a.languageConfidence, a.publishedAt, a.dateSource, a.pipelineVersion, a.cleaning, entities);
    }

    /** An entity named in the article. */
    record EntityWithMentions(String entityId, String name, String type, List<MentionView> mentions) {
    }

    /** Where the entity is named: {@code text} is {@code article.text.substring(start, end)}. */
    record MentionView(String text, int start, int end, int sentence) {
    }
}
