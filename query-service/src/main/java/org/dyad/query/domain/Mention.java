package org.dyad.query.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** One mention of an entity in an article's text, with its character offsets and sentence index. */
@Entity
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    @Id
    // The bigserial's own sequence, drawn by Hibernate so that inserts wait for the flush and batch.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mention_id")
    @SequenceGenerator(name = "mention_id", sequenceName = "mention_id_seq", allocationSize = 1)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entity_id")
    public NamedEntity entity;

    @Column(nullable = false)
    public String text;

    @Column(name = "start_offset", nullable = false)
    public int startOffset;

    @Column(name = "end_offset", nullable = false)
    public int endOffset;

    @Column(nullable = false)
    public int sentence;

    /** The mentions of an article in text order, with their entities loaded. */
    public static List<Mention> ofArticle(UUID articleId) {
        return find("from Mention m join fetch m.entity where m.article.id = ?1 order by m.startOffset, m.endOffset, m.id",
                articleId).list();
    }

    /** Deletes every mention of an article, so a new enrichment replaces them instead of adding to them. */
    public static long deleteOfArticle(UUID articleId) {
        return delete("article.id", articleId);
    }
}
