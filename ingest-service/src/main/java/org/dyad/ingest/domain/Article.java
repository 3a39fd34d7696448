package org.dyad.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An article as received (raw) and cleaned, with its ingest status. */
@Entity
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    @Column(name = "raw_text")
    public String rawText;
    public String text;
    /** JSON of the cleaning record: what cleaning removed or collapsed. */
    public String cleaning;
    public String source;
    public String url;
    public String author;
    public String language;
    @Column(name = "language_confidence")
    public double languageConfidence;
    @Column(name = "published_at")
    public LocalDate publishedAt;
    @Column(name = "date_source")
    public String dateSource;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Enumerated(EnumType.STRING)
    public ArticleStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "pipeline_version")
    public String pipelineVersion;
    /** MinHash signature of the cleaned text ({@code Signature.toBytes}). */
    public byte[] signature;
    /** The near-duplicate cluster: the id of its first article (the article's own id when it started one). */
    @Column(name = "cluster_id")
    public UUID clusterId;
    /** The earlier article this one was found to nearly duplicate, or null. */
    @Column(name = "near_duplicate_of")
    public UUID nearDuplicateOf;
    @Column(name = "near_duplicate_similarity")
    public Double nearDuplicateSimilarity;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
