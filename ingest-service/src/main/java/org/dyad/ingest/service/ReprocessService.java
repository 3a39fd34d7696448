package org.dyad.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleIngested;
import org.dyad.contracts.CleaningRecord;
import org.dyad.contracts.Topics;
import org.dyad.ingest.domain.ArticleRows;
import org.dyad.ingest.domain.OutboxEvent;
import org.jboss.logging.MDC;

/**
 * Sends stored articles through enrichment again (after a pipeline upgrade, or to retry failures): each selected
 * article gets a new {@code articles.ingested} event in the outbox, built from what is stored, and its status goes
 * back to {@code cleaned}. The read model replaces an article's annotations when its new enrichment arrives, so a
 * reprocessed article is shown once, with the new pipeline version.
 *
 * <p>A retried request does not queue an article twice: an article whose event still waits in the outbox is
 * skipped. Work is done in transactions of {@link #CHUNK} articles; a request queues at most its limit and says
 * how many more match, so a large reprocess is a few calls, each bounded.
 */
@ApplicationScoped
public class ReprocessService {

    static final int CHUNK = 500;

    /** Which articles to reprocess; null fields do not filter. At least one filter, or {@code all}. */
    public record Selection(List<UUID> ids, String status, String pipelineVersionNot, LocalDate from, LocalDate to,
            boolean all) {
    }

    /** What a request did: how many articles it queued, and how many still match (and were not queued). */
    public record Outcome(int queued, long remaining) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ReprocessService(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Outcome reprocess(Selection selection, int limit) {
        String requestId = MDC.get("requestId") == null ? null : MDC.get("requestId").toString();
        int queued = 0;
        while (queued < limit) {
            int n = Math.min(CHUNK, limit - queued);
            int done = QuarkusTransaction.requiringNew().call(() -> queueChunk(selection, n, requestId));
            queued += done;
            if (done < n) {
                break;
            }
        }
        long remaining = QuarkusTransaction.requiringNew().call(() -> count(selection));
        return new Outcome(queued, remaining);
    }

    /** Where clause and parameters of a selection; only articles without a pending event match. */
    private static String where(Selection s, List<Object> params) {
        StringBuilder w = new StringBuilder(" where not exists (select 1 from outbox_event o "
                + "where o.article_id = a.id and o.published_at is null)");
        if (s.ids() != null && !s.ids().isEmpty()) {
            w.append(" and a.id = any(?::uuid[])");
            params.add(s.ids().toArray(new UUID[0]));
        }
        if (s.status() != null) {
            w.append(" and a.status = ?");
            params.add(s.status());
        }
        if (s.pipelineVersionNot() != null) {
            w.append(" and a.pipeline_version is not null and a.pipeline_version <> ?");
            params.add(s.pipelineVersionNot());
        }
        if (s.from() != null) {
            w.append(" and a.published_at >= ?");
            params.add(s.from());
        }
        if (s.to() != null) {
            w.append(" and a.published_at <= ?");
            params.add(s.to());
        }
        return w.toString();
    }

    private static void bind(Connection c, PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof UUID[] ids) {
                statement.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }

    private long count(Selection selection) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from article a" + where(selection, params);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count articles to reprocess: " + e.getMessage(), e);
        }
    }

    private int queueChunk(Selection selection, int n, String requestId) {
        List<Object> params = new ArrayList<>();
        // oldest first, so that repeated calls walk the whole selection; skip locked: two reprocess requests at
        // once share the work instead of queueing the same article twice
        String sql = "select a.id, a.title, a.text, a.source, a.url, a.author, a.language, a.language_confidence, "
                + "a.published_at, a.date_source, a.content_hash, a.cleaning, a.cluster_id from article a"
                + where(selection, params) + " order by a.created_at, a.id limit ? for update of a skip locked";
        params.add(n);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            List<OutboxEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, params);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UUID id = r.getObject(1, UUID.class);
                        String cleaning = r.getString(12);
                        ArticleContent content = new ArticleContent(r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getDouble(8),
                                r.getObject(9, LocalDate.class), r.getString(10), r.getString(11).strip(),
                                cleaning == null ? CleaningRecord.NONE : json.readValue(cleaning, CleaningRecord.class),
                                r.getObject(13, UUID.class));
                        ArticleIngested event = ArticleIngested.of(id, content);
                        OutboxEvent outbox = new OutboxEvent();
                        outbox.id = event.eventId();
                        outbox.articleId = id;
                        outbox.topic = Topics.ARTICLES_INGESTED;
                        outbox.payload = json.writeValueAsString(event);
                        outbox.createdAt = now;
                        outbox.requestId = requestId;
                        events.add(outbox);
                    }
                }
            }
            if (events.isEmpty()) {
                return 0;
            }
            ArticleRows.insertOutbox(c, events);
            try (PreparedStatement s = c.prepareStatement("update article set status = 'CLEANED', status_reason = null, "
                    + "updated_at = ? where id = any(?::uuid[])")) {
                s.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
                s.setArray(2, c.createArrayOf("uuid", events.stream().map(e -> e.articleId).toArray()));
                s.executeUpdate();
            }
            return events.size();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not queue articles for reprocessing: " + e.getMessage(), e);
        }
    }
}
