package org.dyad.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting in the transactional outbox until the relay has published it to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    public String topic;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** The X-Request-Id of the request that stored the article, sent as the Kafka header dyad-request-id. */
    @Column(name = "request_id")
    public String requestId;
    /** The W3C traceparent of that request (null while tracing is off), sent as the Kafka header traceparent. */
    @Column(name = "trace_parent")
    public String traceParent;
}
