package org.dyad.query.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.dyad.contracts.Amount;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.DateMention;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.EventActor;
import org.dyad.contracts.Quote;
import org.dyad.contracts.Role;
import org.dyad.contracts.Sentence;
import org.dyad.contracts.TopicScore;

/**
 * Writes one enrichment into the read model over a JDBC connection whose transaction the caller owns: the
 * article row, every annotation of it, and the counters of profiles and relations move together. Plain JDBC
 * (no ORM) so that the benchmark loads its corpus through exactly this code.
 */
public final class ReadModelStore {

    /** The month undated articles are counted under. */
    public static final LocalDate UNDATED = LocalDate.of(1, 1, 1);

    /** Topics scored below this are kept on the article but do not count as its topics in filters and relations. */
    public static final double MIN_TOPIC_SCORE = 0.2;

    // Mention types that are values, not actors: they are mentions but form no relations.
    private static final Set<String> NOT_ACTORS = Set.of("DATE", "TIME", "DURATION", "SET", "MONEY", "PERCENT",
            "NUMBER", "ORDINAL", "TITLE", "MISC");

    private static final String ARTICLE_COLUMNS = """
            title, text, source, url, author, language, language_confidence, published_at, date_source,
            content_hash, cleaning, pipeline_version, enriched_at, event_id, cluster_id, tone, document_date,
            document_date_inferred, document_date_source, article_date, entity_ids, entity_types, countries, topics""";
    private static final String INSERT_ARTICLE = "INSERT INTO article (id, " + ARTICLE_COLUMNS + ") VALUES (?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    private static final String UPDATE_ARTICLE = "UPDATE article SET (" + ARTICLE_COLUMNS + ") = ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?";

    // Counts arrive as differences; a known (dictionary) name and type win over a guessed one.
    private static final String UPSERT_ENTITY = """
            INSERT INTO entity AS e (id, name, type, country, known, article_count, mention_count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                name = CASE WHEN EXCLUDED.known OR NOT e.known THEN EXCLUDED.name ELSE e.name END,
                type = CASE WHEN EXCLUDED.known OR NOT e.known THEN EXCLUDED.type ELSE e.type END,
                country = coalesce(EXCLUDED.country, e.country),
                known = e.known OR EXCLUDED.known,
                article_count = e.article_count + EXCLUDED.article_count,
                mention_count = e.mention_count + EXCLUDED.mention_count
            """;
    private static final String UPSERT_ENTITY_MONTH = """
            INSERT INTO entity_month AS m (entity_id, month, articles, mentions) VALUES (?, ?, ?, ?)
            ON CONFLICT (entity_id, month) DO UPDATE SET
                articles = m.articles + EXCLUDED.articles, mentions = m.mentions + EXCLUDED.mentions
            """;
    private static final String UPSERT_PAIR_MONTH = """
            INSERT INTO pair_month AS p (entity_a, entity_b, month, articles, same_sentence_articles, same_sentences)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (entity_a, entity_b, month) DO UPDATE SET
                articles = p.articles + EXCLUDED.articles,
                same_sentence_articles = p.same_sentence_articles + EXCLUDED.same_sentence_articles,
                same_sentences = p.same_sentences + EXCLUDED.same_sentences
            """;
    private static final String UPSERT_PAIR_TOTAL = """
            INSERT INTO pair_total AS p (entity_a, entity_b, articles, same_sentence_articles, same_sentences)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (entity_a, entity_b) DO UPDATE SET
                articles = p.articles + EXCLUDED.articles,
                same_sentence_articles = p.same_sentence_articles + EXCLUDED.same_sentence_articles,
                same_sentences = p.same_sentences + EXCLUDED.same_sentences
            """;
    private static final String UPSERT_PAIR_TOPIC = """
            INSERT INTO pair_topic AS t (entity_a, entity_b, topic, articles) VALUES (?, ?, ?, ?)
            ON CONFLICT (entity_a, entity_b, topic) DO UPDATE SET articles = t.articles + EXCLUDED.articles
            """;
    private static final List<String> CHILD_TABLES = List.of("event_actor", "coded_event", "quote", "amount",
            "date_mention", "article_topic", "entity_pair", "article_entity", "mention", "sentence");

    private final ObjectMapper json;

    public ReadModelStore(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Applies {@code event} unless the read model holds a newer enrichment of the article.
     *
     * @return false when a newer enrichment is kept
     */
    public boolean apply(Connection c, ArticleEnriched event) throws SQLException {
        OffsetDateTime enrichedAt = event.occurredAt().atOffset(ZoneOffset.UTC);
        UUID id = event.articleId();
        Derived next = Derived.of(event);
        // The row lock serialises two enrichments of one article; a first insert that loses a race retries as an update.
        boolean created = false;
        for (int attempt = 0; ; attempt++) {
            OffsetDateTime current = lockedEnrichedAt(c, id);
            if (current == null) {
                if (insertArticle(c, event, next, enrichedAt) == 1) {
                    created = true;
                    break;
                }
                if (attempt > 0) {
                    throw new SQLException("article " + id + " could be neither inserted nor locked");
                }
                continue;
            }
            if (current.isAfter(enrichedAt)) {
                return false;
            }
            updateArticle(c, event, next, enrichedAt);
            break;
        }
        // A new article has nothing to replace: no old rows to read or delete.
        Derived previous = created ? Derived.NONE : Derived.read(c, id);
        if (!created) {
            for (String table : CHILD_TABLES) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?")) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                }
            }
        }
        writeCounters(c, previous, next);
        writeEntityDetails(c, next);
        writeAnnotations(c, event, next);
        return true;
    }

    private static OffsetDateTime lockedEnrichedAt(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT enriched_at FROM article WHERE id = ? FOR UPDATE")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }

    private int insertArticle(Connection c, ArticleEnriched event, Derived next, OffsetDateTime enrichedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_ARTICLE)) {
            s.setObject(1, event.articleId());
            bindArticle(c, s, 2, event, next, enrichedAt);
            return s.executeUpdate();
        }
    }

    private void updateArticle(Connection c, ArticleEnriched event, Derived next, OffsetDateTime enrichedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE_ARTICLE)) {
            int i = bindArticle(c, s, 1, event, next, enrichedAt);
            s.setObject(i, event.articleId());
            s.executeUpdate();
        }
    }

    private int bindArticle(Connection c, PreparedStatement s, int i, ArticleEnriched event, Derived next,
            OffsetDateTime enrichedAt) throws SQLException {
        ArticleContent a = event.article();
        Annotations n = event.annotations();
        s.setString(i++, a.title());
        s.setString(i++, a.text());
        s.setString(i++, a.source());
        s.setString(i++, a.url());
        s.setString(i++, a.author());
        s.setString(i++, a.language());
        s.setDouble(i++, a.languageConfidence());
        s.setObject(i++, a.publishedAt(), Types.DATE);
        s.setString(i++, a.dateSource());
        s.setString(i++, a.contentHash());
        s.setString(i++, toJson(a.cleaning()));
        s.setString(i++, event.pipelineVersion());
        s.setObject(i++, enrichedAt);
        s.setObject(i++, event.eventId());
        s.setObject(i++, a.clusterId());
        s.setObject(i++, n.tone(), Types.DOUBLE);
        s.setObject(i++, n.documentDate() == null ? null : n.documentDate().date(), Types.DATE);
        s.setObject(i++, n.documentDate() == null ? null : n.documentDate().inferred(), Types.BOOLEAN);
        s.setString(i++, n.documentDate() == null ? null : n.documentDate().source());
        s.setObject(i++, next.articleDate, Types.DATE);
        s.setArray(i++, textArray(c, next.entities.keySet()));
        s.setArray(i++, textArray(c, next.entityTypes()));
        s.setArray(i++, textArray(c, next.countries()));
        s.setArray(i++, textArray(c, next.topics));
        return i;
    }

    /** Moves every counter by new minus old, locking entity rows first and in id order, then the aggregates in key order. */
    private static void writeCounters(Connection c, Derived previous, Derived next) throws SQLException {
        TreeSet<String> ids = new TreeSet<>(previous.entities.keySet());
        ids.addAll(next.entities.keySet());
        try (PreparedStatement s = c.prepareStatement(UPSERT_ENTITY)) {
            for (String id : ids) {
                EntityRow now = next.entities.get(id);
                EntityRow was = previous.entities.get(id);
                EntityRow shown = now != null ? now : was;
                s.setString(1, id);
                s.setString(2, shown.name);
                s.setString(3, shown.type);
                s.setString(4, now == null ? null : now.country);
                s.setBoolean(5, now != null && now.known);
                s.setInt(6, (now == null ? 0 : 1) - (was == null ? 0 : 1));
                s.setInt(7, (now == null ? 0 : now.mentions) - (was == null ? 0 : was.mentions));
                s.addBatch();
            }
            s.executeBatch();
        }
        Map<List<Object>, int[]> months = new TreeMap<>(Derived::compareKeys);
        previous.entities.values().forEach(e -> add(months, List.of(e.id, previous.month), -1, -e.mentions));
        next.entities.values().forEach(e -> add(months, List.of(e.id, next.month), 1, e.mentions));
        upsertCounters(c, UPSERT_ENTITY_MONTH, months);
        Map<List<Object>, int[]> pairMonths = new TreeMap<>(Derived::compareKeys);
        Map<List<Object>, int[]> pairTotals = new TreeMap<>(Derived::compareKeys);
        previous.pairs.forEach((pair, sentences) -> {
            int[] delta = {-1, sentences.isEmpty() ? 0 : -1, -sentences.size()};
            add(pairMonths, List.of(pair.get(0), pair.get(1), previous.month), delta);
            add(pairTotals, List.of(pair.get(0), pair.get(1)), delta);
        });
        next.pairs.forEach((pair, sentences) -> {
            int[] delta = {1, sentences.isEmpty() ? 0 : 1, sentences.size()};
            add(pairMonths, List.of(pair.get(0), pair.get(1), next.month), delta);
            add(pairTotals, List.of(pair.get(0), pair.get(1)), delta);
        });
        upsertCounters(c, UPSERT_PAIR_MONTH, pairMonths);
        upsertCounters(c, UPSERT_PAIR_TOTAL, pairTotals);
        Map<List<Object>, int[]> pairTopics = new TreeMap<>(Derived::compareKeys);
        for (List<String> pair : previous.pairs.keySet()) {
            previous.topics.forEach(t -> add(pairTopics, List.of(pair.get(0), pair.get(1), t), -1));
        }
        for (List<String> pair : next.pairs.keySet()) {
            next.topics.forEach(t -> add(pairTopics, List.of(pair.get(0), pair.get(1), t), 1));
        }
        upsertCounters(c, UPSERT_PAIR_TOPIC, pairTopics);
    }

    /** One batch of counter upserts in key order (the lock order); keys first, then the differences; zero differences are skipped. */
    private static void upsertCounters(Connection c, String sql, Map<List<Object>, int[]> deltas) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<List<Object>, int[]> m : deltas.entrySet()) {
                if (Arrays.stream(m.getValue()).allMatch(d -> d == 0)) {
                    continue;
                }
                int i = 1;
                for (Object key : m.getKey()) {
                    if (key instanceof LocalDate date) {
                        s.setObject(i++, date, Types.DATE);
                    } else {
                        s.setString(i++, (String) key);
                    }
                }
                for (int d : m.getValue()) {
                    s.setInt(i++, d);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void add(Map<List<Object>, int[]> counters, List<Object> key, int... delta) {
        int[] sum = counters.computeIfAbsent(key, k -> new int[delta.length]);
        for (int i = 0; i < delta.length; i++) {
            sum[i] += delta[i];
        }
    }

    /** Aliases and roles accumulate on the entity: a surface form seen once stays a way to find it. */
    private static void writeEntityDetails(Connection c, Derived next) throws SQLException {
        try (PreparedStatement alias = c.prepareStatement(
                "INSERT INTO entity_alias (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement role = c.prepareStatement("""
                        INSERT INTO entity_role (entity_id, role_key, title, country, organization, from_date, to_date, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (EntityRow e : next.entities.values()) {
                for (String a : e.aliases) {
                    alias.setString(1, e.id);
                    alias.setString(2, a);
                    alias.addBatch();
                }
                for (Role r : e.roles) {
                    role.setString(1, e.id);
                    role.setString(2, String.join("|", Objects.toString(r.title(), ""), Objects.toString(r.country(), ""),
                            Objects.toString(r.organization(), ""), Objects.toString(r.from(), ""),
                            Objects.toString(r.to(), ""), Objects.toString(r.source(), "")));
                    role.setString(3, r.title());
                    role.setString(4, r.country());
                    role.setString(5, r.organization());
                    role.setObject(6, r.from(), Types.DATE);
                    role.setObject(7, r.to(), Types.DATE);
                    role.setString(8, r.source());
                    role.addBatch();
                }
            }
            alias.executeBatch();
            role.executeBatch();
        }
    }

    private static void writeAnnotations(Connection c, ArticleEnriched event, Derived next) throws SQLException {
        UUID id = event.articleId();
        Annotations n = event.annotations();
        Date articleDate = next.articleDate == null ? null : Date.valueOf(next.articleDate);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sentence (article_id, idx, start_offset, end_offset) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Sentence x : n.sentences()) {
                s.setObject(1, id);
                s.setInt(2, x.index());
                s.setInt(3, x.start());
                s.setInt(4, x.end());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO mention (article_id, entity_id, text, start_offset, "
                + "end_offset, sentence) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (EntityMention m : n.mentions()) {
                s.setObject(1, id);
                s.setString(2, m.entityId());
                s.setString(3, m.text());
                s.setInt(4, m.start());
                s.setInt(5, m.end());
                s.setInt(6, m.sentence());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO article_entity (article_id, entity_id, mention_count, month, sort_date) VALUES (?, ?, ?, ?, ?)")) {
            // sort_date: the article's date as search sorts and filters it (undated last), for the (entity, date) index;
            // the rows are rewritten with the article, so a changed date moves them too
            LocalDate sortDate = next.articleDate == null ? UNDATED : next.articleDate;
            for (EntityRow e : next.entities.values()) {
                s.setObject(1, id);
                s.setString(2, e.id);
                s.setInt(3, e.mentions);
                s.setObject(4, next.month, Types.DATE);
                s.setObject(5, sortDate, Types.DATE);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO entity_pair (article_id, entity_a, entity_b, "
                + "article_date, month, sentences) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<List<String>, Set<Integer>> p : next.pairs.entrySet()) {
                s.setObject(1, id);
                s.setString(2, p.getKey().get(0));
                s.setString(3, p.getKey().get(1));
                s.setDate(4, articleDate);
                s.setObject(5, next.month, Types.DATE);
                s.setArray(6, c.createArrayOf("integer", p.getValue().toArray()));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO article_topic (article_id, topic, score) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (TopicScore t : n.topics()) {
                s.setObject(1, id);
                s.setString(2, t.topic());
                s.setDouble(3, t.score());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO date_mention (article_id, text, start_offset, "
                + "end_offset, sentence, value, relative) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (DateMention d : n.dates()) {
                s.setObject(1, id);
                s.setString(2, d.text());
                s.setInt(3, d.start());
                s.setInt(4, d.end());
                s.setInt(5, d.sentence());
                s.setString(6, d.value());
                s.setBoolean(7, d.relative());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO amount (article_id, kind, text, start_offset, "
                + "end_offset, sentence, value, currency, about) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Amount a : n.amounts()) {
                s.setObject(1, id);
                s.setString(2, a.kind());
                s.setString(3, a.text());
                s.setInt(4, a.start());
                s.setInt(5, a.end());
                s.setInt(6, a.sentence());
                s.setDouble(7, a.value());
                s.setString(8, a.currency());
                s.setString(9, a.about());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO quote (article_id, idx, text, start_offset, "
                + "end_offset, sentence, speaker_id, speaker_name, speaker_start, speaker_end, article_date) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int idx = 0;
            for (Quote q : n.quotes()) {
                s.setObject(1, id);
                s.setInt(2, idx++);
                s.setString(3, q.text());
                s.setInt(4, q.start());
                s.setInt(5, q.end());
                s.setInt(6, q.sentence());
                s.setString(7, q.speakerId());
                s.setString(8, q.speakerName());
                s.setInt(9, q.speakerStart());
                s.setInt(10, q.speakerEnd());
                s.setDate(11, articleDate);
                s.addBatch();
            }
            s.executeBatch();
        }
        writeEvents(c, id, n.events(), next.articleDate);
    }

    /** Events with the columns they are counted by; PostgreSQL derives their {@code event_key} (V4) from these. */
    private static void writeEvents(Connection c, UUID id, List<CodedEvent> events, LocalDate articleDate)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coded_event (article_id, event_id, cameo_code, "
                + "cameo_name, quad_class, goldstein, plover_type, plover_mode, trigger, trigger_start, trigger_end, "
                + "mode, event_date, sentence, confidence, event_day, source_ids, target_ids) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement a = c.prepareStatement("INSERT INTO event_actor (article_id, event_id, side, "
                        + "position, entity_id, name, type, country, role, start_offset, end_offset) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (CodedEvent e : events) {
                s.setObject(1, id);
                s.setString(2, e.id());
                s.setString(3, e.cameoCode());
                s.setString(4, e.cameoName());
                s.setInt(5, e.quadClass());
                s.setDouble(6, e.goldstein());
                s.setString(7, e.ploverType());
                s.setString(8, e.ploverMode());
                s.setString(9, e.trigger());
                s.setInt(10, e.triggerStart());
                s.setInt(11, e.triggerEnd());
                s.setString(12, e.mode());
                s.setObject(13, e.date(), Types.DATE);
                s.setInt(14, e.sentence());
                s.setDouble(15, e.confidence());
                s.setObject(16, e.date() != null ? e.date() : articleDate, Types.DATE);
                s.setArray(17, textArray(c, entityIds(e.sources())));
                s.setArray(18, textArray(c, entityIds(e.targets())));
                s.addBatch();
                bindActors(a, id, e.id(), "source", e.sources());
                bindActors(a, id, e.id(), "target", e.targets());
            }
            s.executeBatch();
            a.executeBatch();
        }
    }

    private static void bindActors(PreparedStatement a, UUID id, String eventId, String side, List<EventActor> actors)
            throws SQLException {
        int position = 0;
        for (EventActor actor : actors) {
            a.setObject(1, id);
            a.setString(2, eventId);
            a.setString(3, side);
            a.setInt(4, position++);
            a.setString(5, actor.entityId());
            a.setString(6, actor.name());
            a.setString(7, actor.type());
            a.setString(8, actor.country());
            a.setString(9, actor.role());
            a.setInt(10, actor.start());
            a.setInt(11, actor.end());
            a.addBatch();
        }
    }

    private static Set<String> entityIds(List<EventActor> actors) {
        Set<String> ids = new LinkedHashSet<>();
        actors.forEach(a -> ids.add(a.entityId()));
        return ids;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cleaning record cannot be written as JSON", e);
        }
    }

    private static Array textArray(Connection c, Set<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    /** One entity as an article names it. */
    private record EntityRow(String id, String name, String type, String country, boolean known, int mentions,
            Set<String> aliases, List<Role> roles) {
    }

    /** What an enrichment contributes to entities, pairs and topics: the part counters are kept of. */
    private static final class Derived {
        static final Derived NONE = new Derived(null, UNDATED, Map.of(), Map.of(), Set.of());

        final LocalDate articleDate;
        final LocalDate month;
        final Map<String, EntityRow> entities;
        // (a, b) with a < b, to the sentences naming both
        final Map<List<String>, Set<Integer>> pairs;
        final Set<String> topics;

        Derived(LocalDate articleDate, LocalDate month, Map<String, EntityRow> entities,
                Map<List<String>, Set<Integer>> pairs, Set<String> topics) {
            this.articleDate = articleDate;
            this.month = month;
            this.entities = entities;
            this.pairs = pairs;
            this.topics = topics;
        }

        static Derived of(ArticleEnriched event) {
            Annotations n = event.annotations();
            LocalDate date = event.article().publishedAt() != null ? event.article().publishedAt()
                    : n.documentDate() == null ? null : n.documentDate().date();
            Map<String, Integer> mentionCounts = new HashMap<>();
            Map<String, Set<Integer>> sentencesOf = new HashMap<>();
            Map<String, Set<String>> aliases = new HashMap<>();
            for (EntityMention m : n.mentions()) {
                mentionCounts.merge(m.entityId(), 1, Integer::sum);
                sentencesOf.computeIfAbsent(m.entityId(), k -> new TreeSet<>()).add(m.sentence());
                aliases.computeIfAbsent(m.entityId(), k -> new LinkedHashSet<>()).add(m.text().strip());
            }
            Map<String, EntityRow> entities = new TreeMap<>();
            for (Entity e : n.entities()) {
                Set<String> names = new LinkedHashSet<>();
                names.add(e.name());
                names.addAll(e.aliases());
                names.addAll(aliases.getOrDefault(e.id(), Set.of()));
                int mentions = Math.max(mentionCounts.getOrDefault(e.id(), 0), e.mentionCount());
                entities.put(e.id(), new EntityRow(e.id(), e.name(), e.type(), e.country(), e.known(), mentions,
                        clean(names), e.roles()));
            }
            for (EntityMention m : n.mentions()) {
                if (!entities.containsKey(m.entityId())) {
                    Set<String> names = new LinkedHashSet<>();
                    names.add(m.name());
                    names.addAll(aliases.get(m.entityId()));
                    entities.put(m.entityId(), new EntityRow(m.entityId(), m.name(), m.type(), null, false,
                            mentionCounts.get(m.entityId()), clean(names), List.of()));
                }
            }
            List<String> actors = entities.values().stream()
                    .filter(e -> !NOT_ACTORS.contains(e.type))
                    .map(EntityRow::id)
                    .toList();
            Map<List<String>, Set<Integer>> pairs = new TreeMap<>(Derived::compareKeys);
            for (int i = 0; i < actors.size(); i++) {
                for (int j = i + 1; j < actors.size(); j++) {
                    Set<Integer> both = new TreeSet<>(sentencesOf.getOrDefault(actors.get(i), Set.of()));
                    both.retainAll(sentencesOf.getOrDefault(actors.get(j), Set.of()));
                    pairs.put(List.of(actors.get(i), actors.get(j)), both);
                }
            }
            Set<String> topics = new TreeSet<>();
            for (TopicScore t : n.topics()) {
                if (t.score() >= MIN_TOPIC_SCORE) {
                    topics.add(t.topic());
                }
            }
            return new Derived(date, date == null ? UNDATED : date.withDayOfMonth(1), entities, pairs, topics);
        }

        /** What the read model holds for the article now, before it is replaced. */
        static Derived read(Connection c, UUID id) throws SQLException {
            Map<String, EntityRow> entities = new TreeMap<>();
            LocalDate month = UNDATED;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT ae.entity_id, ae.mention_count, ae.month, e.name, e.type
                    FROM article_entity ae JOIN entity e ON e.id = ae.entity_id WHERE ae.article_id = ?""")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        entities.put(r.getString(1), new EntityRow(r.getString(1), r.getString(4), r.getString(5),
                                null, false, r.getInt(2), Set.of(), List.of()));
                        month = r.getObject(3, LocalDate.class);
                    }
                }
            }
            Map<List<String>, Set<Integer>> pairs = new TreeMap<>(Derived::compareKeys);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT entity_a, entity_b, sentences, month FROM entity_pair WHERE article_id = ?")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Set<Integer> sentences = new TreeSet<>();
                        for (Integer x : (Integer[]) r.getArray(3).getArray()) {
                            sentences.add(x);
                        }
                        pairs.put(List.of(r.getString(1), r.getString(2)), sentences);
                        month = r.getObject(4, LocalDate.class);
                    }
                }
            }
            // article.topics already holds the new enrichment's topics; article_topic still holds the old ones
            Set<String> topics = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT topic FROM article_topic WHERE article_id = ? AND score >= ?")) {
                s.setObject(1, id);
                s.setDouble(2, MIN_TOPIC_SCORE);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        topics.add(r.getString(1));
                    }
                }
            }
            return new Derived(null, month, entities, pairs, topics);
        }

        Set<String> entityTypes() {
            Set<String> types = new TreeSet<>();
            entities.values().forEach(e -> types.add(e.type));
            return types;
        }

        Set<String> countries() {
            Set<String> countries = new TreeSet<>();
            entities.values().forEach(e -> {
                if (e.country != null) {
                    countries.add(e.country);
                }
            });
            return countries;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static int compareKeys(List<?> x, List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = ((Comparable) x.get(i)).compareTo(y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
    }

    private static Set<String> clean(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                out.add(n.strip());
            }
        }
        return out;
    }
}
