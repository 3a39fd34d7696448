package org.dyad.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One write or admin action: who did what, when, and how it ended. Append-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    /** The authenticated user or service account ({@code preferred_username}, else the subject), or anonymous. */
    public String actor;
    /** The OAuth client the token was issued to ({@code azp}). */
    @Column(name = "client_id")
    public String clientId;
    public String roles;
    public String method;
    public String path;
    /** {@code article.submit}, {@code article.batch}, {@code admin.audit.read}, ... */
    public String action;
    @Column(name = "article_id")
    public UUID articleId;
    public int status;
    /** {@code created}, {@code duplicate}, {@code refused} or {@code failed}. */
    public String outcome;
    @Column(name = "request_id")
    public String requestId;
}
