package org.dyad.query.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.dyad.contracts.CleaningRecord;

/** Reads one article of the read model with every annotation, in one snapshot. */
@ApplicationScoped
public class ArticleReader {

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public ArticleReader(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** An enriched article; every {@code start}/{@code end} is a UTF-16 offset into {@code text}, end exclusive. */
    public record ArticleDetail(UUID id, String title, String text, String source, String url, String author,
            String language, double languageConfidence, LocalDate publishedAt, String dateSource,
            LocalDate documentDate, Boolean documentDateInferred, String documentDateSource, UUID clusterId,
            Double tone, String pipelineVersion, java.time.Instant enrichedAt, CleaningRecord cleaning,
            List<SentenceView> sentences,
            List<EntityView> entities, List<TopicView> topics, List<DateView> dates, List<AmountView> amounts,
            List<QuoteView> quotes, List<EventView> events) {
    }

    /** A sentence of the text. */
    public record SentenceView(int index, int start, int end) {
    }

    /** An entity named in the article, with its mentions in text order. */
    public record EntityView(String entityId, String name, String type, String country, boolean known,
            List<MentionView> mentions) {
    }

    /** Where an entity is named: {@code text} is {@code article.text.substring(start, end)}. */
    public record MentionView(String text, int start, int end, int sentence) {
    }

    /** A topic and its score. */
    public record TopicView(String topic, double score) {
    }

    /** A written date and its normalised value. */
    public record DateView(String text, int start, int end, int sentence, String value, boolean relative) {
    }

    /** Money or a percentage. */
    public record AmountView(String kind, String text, int start, int end, int sentence, double value,
            String currency, String about) {
    }

    /** A quotation and its speaker (null when none was found). */
    public record QuoteView(String text, int start, int end, int sentence, String speakerId, String speakerName,
            int speakerStart, int speakerEnd) {
    }

    /** A coded event with its actors. */
    public record EventView(String id, String cameoCode, String cameoName, int quadClass, double goldstein,
            String ploverType, String ploverMode, String trigger, int triggerStart, int triggerEnd, String mode,
            LocalDate date, int sentence, double confidence, List<ActorView> sources, List<ActorView> targets) {
    }

    /** One side of an event. */
    public record ActorView(String entityId, String name, String type, String country, String role, int start,
            int end) {
    }

    public Optional<ArticleDetail> find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            Db.beginSnapshot(c);
            try {
                return read(c, id);
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    private Optional<ArticleDetail> read(Connection c, UUID id) throws SQLException {
        List<Object[]> rows = Db.list(c, """
                SELECT title, text, source, url, author, language, language_confidence, published_at, date_source,
                       document_date, document_date_inferred, document_date_source, cluster_id, tone,
                       pipeline_version, cleaning::text, enriched_at
                FROM article WHERE id = ?""", List.of(id), r -> new Object[] {r.getString(1), r.getString(2),
                r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getDouble(7),
                r.getObject(8, LocalDate.class), r.getString(9), r.getObject(10, LocalDate.class),
                r.getObject(11), r.getString(12), r.getObject(13, UUID.class), r.getObject(14), r.getString(15),
                r.getString(16), r.getObject(17, java.time.OffsetDateTime.class).toInstant()});
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] a = rows.get(0);
        List<Object> key = List.of(id);
        List<SentenceView> sentences = Db.list(c, "SELECT idx, start_offset, end_offset FROM sentence "
                + "WHERE article_id = ? ORDER BY idx", key, r -> new SentenceView(r.getInt(1), r.getInt(2), r.getInt(3)));
        // Entities in order of their first mention, which is the order a reader meets them; then unmentioned ones.
        Map<String, EntityView> entities = new LinkedHashMap<>();
        for (Object[] m : Db.list(c, """
                SELECT m.entity_id, e.name, e.type, e.country, e.known, m.text, m.start_offset, m.end_offset, m.sentence
                FROM mention m JOIN entity e ON e.id = m.entity_id WHERE m.article_id = ?
                ORDER BY m.start_offset, m.end_offset, m.id""", key, r -> new Object[] {r.getString(1), r.getString(2),
                r.getString(3), r.getString(4), r.getBoolean(5),
                new MentionView(r.getString(6), r.getInt(7), r.getInt(8), r.getInt(9))})) {
            entities.computeIfAbsent((String) m[0], k -> new EntityView(k, (String) m[1], (String) m[2], (String) m[3],
                    (boolean) m[4], new ArrayList<>())).mentions().add((MentionView) m[5]);
        }
        for (EntityView e : Db.list(c, """
                SELECT e.id, e.name, e.type, e.country, e.known FROM article_entity ae JOIN entity e ON e.id = ae.entity_id
                WHERE ae.article_id = ? ORDER BY e.id""", key, r -> new EntityView(r.getString(1), r.getString(2),
                r.getString(3), r.getString(4), r.getBoolean(5), List.of()))) {
            entities.putIfAbsent(e.entityId(), e);
        }
        List<TopicView> topics = Db.list(c, "SELECT topic, score FROM article_topic WHERE article_id = ? "
                + "ORDER BY score DESC, topic", key, r -> new TopicView(r.getString(1), r.getDouble(2)));
        List<DateView> dates = Db.list(c, "SELECT text, start_offset, end_offset, sentence, value, relative "
                + "FROM date_mention WHERE article_id = ? ORDER BY start_offset", key,
                r -> new DateView(r.getString(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getString(5), r.getBoolean(6)));
        List<AmountView> amounts = Db.list(c, "SELECT kind, text, start_offset, end_offset, sentence, value, currency, "
                + "about FROM amount WHERE article_id = ? ORDER BY start_offset", key,
                r -> new AmountView(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), r.getInt(5),
                        r.getDouble(6), r.getString(7), r.getString(8)));
        List<QuoteView> quotes = Db.list(c, "SELECT text, start_offset, end_offset, sentence, speaker_id, speaker_name, "
                + "speaker_start, speaker_end FROM quote WHERE article_id = ? ORDER BY idx", key,
                r -> new QuoteView(r.getString(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getString(5),
                        r.getString(6), r.getInt(7), r.getInt(8)));
        Map<String, List<ActorView>> sources = new LinkedHashMap<>();
        Map<String, List<ActorView>> targets = new LinkedHashMap<>();
        for (Object[] x : Db.list(c, "SELECT event_id, side, entity_id, name, type, country, role, start_offset, "
                + "end_offset FROM event_actor WHERE article_id = ? ORDER BY event_id, side, position", key,
                r -> new Object[] {r.getString(1), r.getString(2), new ActorView(r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getInt(8), r.getInt(9))})) {
            ("source".equals(x[1]) ? sources : targets).computeIfAbsent((String) x[0], k -> new ArrayList<>())
                    .add((ActorView) x[2]);
        }
        List<EventView> events = Db.list(c, "SELECT event_id, cameo_code, cameo_name, quad_class, goldstein, "
                + "plover_type, plover_mode, trigger, trigger_start, trigger_end, mode, event_date, sentence, confidence "
                + "FROM coded_event WHERE article_id = ? ORDER BY trigger_start, event_id", key,
                r -> new EventView(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getDouble(5),
                        r.getString(6), r.getString(7), r.getString(8), r.getInt(9), r.getInt(10), r.getString(11),
                        r.getObject(12, LocalDate.class), r.getInt(13), r.getDouble(14),
                        sources.getOrDefault(r.getString(1), List.of()), targets.getOrDefault(r.getString(1), List.of())));
        return Optional.of(new ArticleDetail(id, (String) a[0], (String) a[1], (String) a[2], (String) a[3],
                (String) a[4], (String) a[5], (double) a[6], (LocalDate) a[7], (String) a[8], (LocalDate) a[9],
                (Boolean) a[10], (String) a[11], (UUID) a[12], (Double) a[13], (String) a[14], (java.time.Instant) a[16],
                cleaning((String) a[15]),
                sentences, List.copyOf(entities.values()), topics, dates, amounts, quotes, events));
    }

    private CleaningRecord cleaning(String json) {
        if (json == null) {
            return CleaningRecord.NONE;
        }
        try {
            return mapper.readValue(json, CleaningRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cleaning record cannot be read", e);
        }
    }
}
