package org.dyad.query.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.dyad.query.service.ArticleReader.ActorView;
import org.dyad.query.service.RelationService.Actor;

/**
 * Coded events counted once: the reports of one event (rows of {@code coded_event} with one {@code event_key}, see
 * migration V4) are grouped at query time, so an event is one item however many articles report it, and its
 * independent sources are the distinct near-duplicate clusters among them. Event pages with keyset cursors, the
 * streamed export, and event-based relations per directed dyad (source entity, target entity).
 */
@ApplicationScoped
public class EventService {

    /** How many article ids an event lists; {@code corroboration.articles} counts all. */
    public static final int ARTICLE_IDS = 100;

    private static final String SORT_DAY = "coalesce(e.event_day, DATE '0001-01-01')";
    // The report that shows an event: the most confident, then the earliest article (the first report).
    private static final String REPRESENTATIVE = "e.confidence DESC, a.article_date NULLS LAST, e.article_id, e.event_id";
    private static final String ACTORS_JSON = """
            LEFT JOIN LATERAL (SELECT json_agg(json_build_object('side', x.side, 'entityId', x.entity_id, 'name', x.name,
                    'type', x.type, 'country', x.country, 'role', x.role, 'start', x.start_offset, 'end', x.end_offset)
                    ORDER BY x.side, x.position)::text AS actors
                FROM event_actor x WHERE x.article_id = r.article_id AND x.event_id = r.event_id) act ON true""";
    private static final TypeReference<List<ActorRow>> ACTOR_ROWS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public EventService(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** One side of an event as the event shows it: the actor of its representative report. */
    public record Party(String entityId, String name, String type, String country, String role) {
    }

    /**
     * Who reports an event: {@code sources} independent sources (distinct near-duplicate clusters; an article
     * without a cluster is its own), {@code articles} reports, {@code publishers} distinct sites, and up to
     * {@link #ARTICLE_IDS} of the reporting articles' ids.
     */
    public record Corroboration(long sources, long articles, long publishers, List<UUID> articleIds) {
    }

    /**
     * One report of an event: the article, the evidence sentence and the offsets (UTF-16, into the article's text)
     * of the sentence, the trigger and each actor's mention.
     */
    public record Evidence(UUID articleId, String title, LocalDate articleDate, String publisher, UUID clusterId,
            String eventId, int sentence, Integer sentenceStart, Integer sentenceEnd, String text, String trigger,
            int triggerStart, int triggerEnd, double confidence, List<ActorView> sources, List<ActorView> targets) {
    }

    /**
     * An event counted once. {@code date} is its day (the coded date, else the article's: {@code dateSource} says
     * which; null when undated); the other fields are those of its representative report, shown first in evidence.
     */
    public record Event(String key, LocalDate date, String dateSource, String cameoCode, String cameoName,
            String cameoRoot, int quadClass, double goldstein, String ploverType, String ploverMode, String mode,
            String trigger, double confidence, List<Party> sources, List<Party> targets, Corroboration corroboration,
            List<Evidence> evidence) {
    }

    /** A page of events; {@code total} counts every matching event once, {@code next} is null on the last page. */
    public record Page(long total, List<Event> events, String next) {
    }

    /** An event as the export writes it: one row an event, its representative report's sentence. */
    public record ExportRow(String key, LocalDate date, String dateSource, String cameoCode, String cameoRoot,
            String cameoName, int quadClass, double goldstein, String ploverType, String ploverMode, String mode,
            List<Party> sources, List<Party> targets, long independentSources, long articles, long publishers,
            List<UUID> articleIds, UUID articleId, int sentence, String sentenceText, String trigger, int triggerStart,
            int triggerEnd, double confidence) {
    }

    /** Receives exported rows one at a time. */
    @FunctionalInterface
    public interface RowSink {
        void accept(ExportRow row) throws IOException;
    }

    /** Events by quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
    public record QuadClasses(long verbalCooperation, long materialCooperation, long verbalConflict,
            long materialConflict) {
    }

    /** A directed dyad and its events, each counted once; {@code meanGoldstein} is null without events. */
    public record Dyad(Actor source, Actor target, long events, Double meanGoldstein, QuadClasses quadClasses) {
    }

    /** One month of a dyad ({@code month} is its first day, null for undated events). */
    public record Month(LocalDate month, long events, Double meanGoldstein, QuadClasses quadClasses) {
    }

    /** A directed dyad with its monthly timeline. */
    public record DyadTimeline(Actor source, Actor target, long events, Double meanGoldstein, QuadClasses quadClasses,
            List<Month> timeline) {
    }

    /** An actor of a report as {@code json_agg} hands it over. */
    record ActorRow(String side, String entityId, String name, String type, String country, String role, int start,
            int end) {
    }

    /** The {@code limit} events after {@code cursor} (null for the first), newest first, each with up to {@code evidence} reports. */
    public Page find(EventQuery query, int limit, String cursor, int evidence) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        query.where(where, params);
        List<Object> pageParams = new ArrayList<>(params);
        StringBuilder pageWhere = new StringBuilder(where);
        if (cursor != null) {
            List<String> key = Cursor.decode(cursor, query.fingerprint(), 2);
            try {
                pageParams.add(LocalDate.parse(key.get(0)));
            } catch (RuntimeException malformed) {
                throw new InvalidRequest("invalid-cursor", "cursor", "The cursor is not one this query returned.");
            }
            pageWhere.append(" AND (").append(SORT_DAY).append(", e.event_key) < (?, ?)");
            pageParams.add(key.get(1));
        }
        pageParams.add(limit + 1);
        try (Connection c = dataSource.getConnection()) {
            Db.beginSnapshot(c);
            try {
                List<Object[]> keys = Db.list(c, "SELECT e.event_key, " + SORT_DAY + " AS sort_day FROM coded_event e "
                        + "WHERE true" + pageWhere + " GROUP BY e.event_key, sort_day "
                        + "ORDER BY sort_day DESC, e.event_key DESC LIMIT ?", pageParams,
                        r -> new Object[] {r.getString(1), r.getObject(2, LocalDate.class)});
                String next = null;
                if (keys.size() > limit) {
                    keys = keys.subList(0, limit);
                    Object[] last = keys.get(limit - 1);
                    next = Cursor.encode(query.fingerprint(), List.of(last[1].toString(), (String) last[0]));
                }
                long total = cursor == null && next == null ? keys.size()
                        : Db.list(c, "SELECT count(DISTINCT e.event_key) FROM coded_event e WHERE true" + where, params,
                                r -> r.getLong(1)).get(0);
                List<Event> events = events(c, keys.stream().map(k -> (String) k[0]).toList(), evidence);
                c.commit();
                return new Page(total, events, next);
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /** The events of {@code keys}, in that order, with their corroboration and first {@code evidence} reports. */
    private List<Event> events(Connection c, List<String> keys, int evidence) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, Corroboration> corroboration = new HashMap<>();
        for (Object[] row : Db.list(c, """
                SELECT e.event_key, count(DISTINCT coalesce(a.cluster_id, a.id)), count(DISTINCT e.article_id),
                       count(DISTINCT a.source), (array_agg(DISTINCT e.article_id::text))[1:?]
                FROM coded_event e JOIN article a ON a.id = e.article_id
                WHERE e.event_key = ANY (?::text[]) GROUP BY e.event_key""", List.of(ARTICLE_IDS, keys),
                r -> new Object[] {r.getString(1), new Corroboration(r.getLong(2), r.getLong(3), r.getLong(4),
                        uuids(r, 5))})) {
            corroboration.put((String) row[0], (Corroboration) row[1]);
        }
        Map<String, List<Object[]>> reports = new LinkedHashMap<>();
        String sql = """
                SELECT r.event_key, r.event_day, r.event_date IS NOT NULL, r.cameo_code, r.cameo_name, r.quad_class,
                       r.goldstein, r.plover_type, r.plover_mode, r.mode, r.trigger, r.confidence,
                       r.article_id, r.title, r.article_date, r.source, r.cluster_id, r.event_id, r.sentence,
                       r.start_offset, r.end_offset, r.trigger_start, r.trigger_end, act.actors, %s
                FROM (SELECT e.event_key, e.event_day, e.event_date, e.cameo_code, e.cameo_name, e.quad_class,
                             e.goldstein, e.plover_type, e.plover_mode, e.mode, e.trigger, e.confidence, e.article_id,
                             a.title, a.article_date, a.source, a.cluster_id, e.event_id, e.sentence, s.start_offset,
                             s.end_offset, e.trigger_start, e.trigger_end, a.text,
                             row_number() OVER (PARTITION BY e.event_key ORDER BY %s) AS n
                      FROM coded_event e JOIN article a ON a.id = e.article_id
                      LEFT JOIN sentence s ON s.article_id = e.article_id AND s.idx = e.sentence
                      WHERE e.event_key = ANY (?::text[])) r
                %s
                WHERE r.n <= ? ORDER BY r.event_key, r.n""".formatted(
                TextSlice.columns("r.text", "r.start_offset", "r.end_offset"), REPRESENTATIVE, ACTORS_JSON);
        for (Object[] row : Db.list(c, sql, List.of(keys, evidence), r -> new Object[] {
                        r.getString(1), r.getObject(2, LocalDate.class), r.getBoolean(3), r.getString(4),
                        r.getString(5), r.getInt(6), r.getDouble(7), r.getString(8), r.getString(9), r.getString(10),
                        r.getString(11), r.getDouble(12), evidence(r)})) {
            reports.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row);
        }
        List<Event> events = new ArrayList<>();
        for (String key : keys) {
            List<Object[]> rows = reports.get(key);
            if (rows == null) {
                continue;
            }
            Object[] top = rows.get(0);
            Evidence shown = (Evidence) top[12];
            LocalDate day = (LocalDate) top[1];
            events.add(new Event(key, day, dateSource(day, (boolean) top[2]), (String) top[3], (String) top[4],
                    root((String) top[3]), (int) top[5], (double) top[6], (String) top[7], (String) top[8],
                    (String) top[9], (String) top[10], (double) top[11], parties(shown.sources()),
                    parties(shown.targets()), corroboration.get(key),
                    rows.stream().map(row -> (Evidence) row[12]).toList()));
        }
        return events;
    }

    private Evidence evidence(ResultSet r) throws SQLException {
        Integer start = (Integer) r.getObject(20);
        Integer end = (Integer) r.getObject(21);
        List<ActorRow> actors = actors(r.getString(24));
        return new Evidence(r.getObject(13, UUID.class), r.getString(14), r.getObject(15, LocalDate.class),
                r.getString(16), r.getObject(17, UUID.class), r.getString(18), r.getInt(19), start, end,
                TextSlice.of(r.getString(25), r.getString(26), start, end), r.getString(11), r.getInt(22),
                r.getInt(23), r.getDouble(12), side(actors, "source"), side(actors, "target"));
    }

    /** Streams every matching event once, newest first, with no cap; the database hands rows over in batches. */
    public long export(EventQuery query, RowSink sink) throws IOException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        query.where(where, params);
        String sql = """
                WITH k AS (
                    SELECT e.event_key, %1$s AS sort_day FROM coded_event e WHERE true %2$s
                    GROUP BY e.event_key, sort_day),
                reports AS (
                    SELECT e.event_key, e.article_id, e.event_id, a.cluster_id, a.source,
                           row_number() OVER (PARTITION BY e.event_key ORDER BY %3$s) AS n
                    FROM k JOIN coded_event e ON e.event_key = k.event_key JOIN article a ON a.id = e.article_id),
                g AS (
                    SELECT event_key, count(DISTINCT coalesce(cluster_id, article_id)) AS sources,
                           count(DISTINCT article_id) AS articles, count(DISTINCT source) AS publishers,
                           array_agg(DISTINCT article_id::text) AS article_ids
                    FROM reports GROUP BY event_key)
                SELECT k.event_key, e.event_day, e.event_date IS NOT NULL, e.cameo_code, e.cameo_name, e.quad_class,
                       e.goldstein, e.plover_type, e.plover_mode, e.mode, g.sources, g.articles, g.publishers,
                       g.article_ids, e.article_id, e.sentence, e.trigger, e.trigger_start, e.trigger_end, e.confidence,
                       act.actors, %4$s, s.start_offset, s.end_offset
                FROM k JOIN g ON g.event_key = k.event_key
                JOIN reports r ON r.event_key = k.event_key AND r.n = 1
                JOIN coded_event e ON e.article_id = r.article_id AND e.event_id = r.event_id
                JOIN article a ON a.id = e.article_id
                LEFT JOIN sentence s ON s.article_id = e.article_id AND s.idx = e.sentence
                %5$s
                ORDER BY k.sort_day DESC, k.event_key DESC""".formatted(SORT_DAY, where, REPRESENTATIVE,
                TextSlice.columns("a.text", "s.start_offset", "s.end_offset"), ACTORS_JSON);
        return Db.stream(dataSource, sql, params, r -> {
            LocalDate day = r.getObject(2, LocalDate.class);
            List<ActorRow> actors = actors(r.getString(21));
            String code = r.getString(4);
            sink.accept(new ExportRow(r.getString(1), day, dateSource(day, r.getBoolean(3)), code, root(code),
                    r.getString(5), r.getInt(6), r.getDouble(7), r.getString(8), r.getString(9), r.getString(10),
                    parties(side(actors, "source")), parties(side(actors, "target")), r.getLong(11), r.getLong(12),
                    r.getLong(13), uuids(r, 14), r.getObject(15, UUID.class), r.getInt(16),
                    TextSlice.of(r.getString(22), r.getString(23), (Integer) r.getObject(24), (Integer) r.getObject(25)),
                    r.getString(17), r.getInt(18), r.getInt(19), r.getDouble(20)));
        });
    }

    /**
     * The {@code limit} directed dyads with most events among the matching events, each event counted once in every
     * dyad it implies (each source × each target, the two different).
     */
    public List<Dyad> dyads(EventQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = """
                SELECT d.source, d.target, count(*), sum(d.goldstein),
                       count(*) FILTER (WHERE d.quad_class = 1), count(*) FILTER (WHERE d.quad_class = 2),
                       count(*) FILTER (WHERE d.quad_class = 3), count(*) FILTER (WHERE d.quad_class = 4)
                FROM (%s) d
                GROUP BY d.source, d.target ORDER BY count(*) DESC, d.source, d.target LIMIT ?""".formatted(
                dyadEvents(query, params));
        params.add(limit);
        try (Connection c = dataSource.getConnection()) {
            Db.beginSnapshot(c);
            try {
                List<Object[]> rows = Db.list(c, sql, params, r -> new Object[] {r.getString(1), r.getString(2),
                        counts(r, 3)});
                List<String> ids = new ArrayList<>();
                rows.forEach(row -> {
                    ids.add((String) row[0]);
                    ids.add((String) row[1]);
                });
                Map<String, Actor> actors = RelationService.actors(c, ids);
                c.commit();
                return rows.stream().map(row -> {
                    Counts n = (Counts) row[2];
                    return new Dyad(actors.get((String) row[0]), actors.get((String) row[1]), n.events(), n.mean(),
                            n.quads());
                }).toList();
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /** The events of source → target by month, with their totals; empty when either actor is unknown. */
    public Optional<DyadTimeline> timeline(String source, String target, EventQuery filters) {
        List<Object> params = new ArrayList<>();
        String sql = """
                SELECT date_trunc('month', d.event_day)::date AS month, count(*), sum(d.goldstein),
                       count(*) FILTER (WHERE d.quad_class = 1), count(*) FILTER (WHERE d.quad_class = 2),
                       count(*) FILTER (WHERE d.quad_class = 3), count(*) FILTER (WHERE d.quad_class = 4)
                FROM (%s) d
                GROUP BY month ORDER BY month NULLS FIRST""".formatted(dyadEvents(filters.forDyad(source, target), params));
        try (Connection c = dataSource.getConnection()) {
            Db.beginSnapshot(c);
            try {
                Map<String, Actor> actors = RelationService.actors(c, List.of(source, target));
                if (!actors.containsKey(source) || !actors.containsKey(target)) {
                    return Optional.empty();
                }
                List<Object[]> months = Db.list(c, sql, params,
                        r -> new Object[] {r.getObject(1, LocalDate.class), counts(r, 2)});
                c.commit();
                Counts all = new Counts(0, 0, new long[4]);
                List<Month> timeline = new ArrayList<>();
                for (Object[] m : months) {
                    Counts n = (Counts) m[1];
                    timeline.add(new Month((LocalDate) m[0], n.events(), n.mean(), n.quads()));
                    all = all.plus(n);
                }
                return Optional.of(new DyadTimeline(actors.get(source), actors.get(target), all.events(), all.mean(),
                        all.quads(), timeline));
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /** Whether both actors are named in some article (the dyad's evidence is then a page, maybe empty). */
    public boolean known(String source, String target) {
        try (Connection c = dataSource.getConnection()) {
            return RelationService.actors(c, List.of(source, target)).size() == (source.equals(target) ? 1 : 2);
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /**
     * One row per matching event and dyad it implies: (event_key, source, target, goldstein, quad_class, event_day).
     * An event is taken once (any of its reports: the key fixes code, day and actor sets).
     */
    private static String dyadEvents(EventQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        query.where(where, params);
        StringBuilder pair = new StringBuilder();
        if (query.actor() != null) {
            pair.append(" AND s.id = ?");
            params.add(query.actor());
        }
        if (query.target() != null) {
            pair.append(" AND t.id = ?");
            params.add(query.target());
        }
        if (query.dyad().size() == 2) {
            pair.append(" AND ((s.id = ? AND t.id = ?) OR (s.id = ? AND t.id = ?))");
            params.addAll(List.of(query.dyad().get(0), query.dyad().get(1), query.dyad().get(1), query.dyad().get(0)));
        }
        return """
                SELECT ev.event_key, s.id AS source, t.id AS target, ev.goldstein, ev.quad_class, ev.event_day
                FROM (SELECT DISTINCT ON (e.event_key) e.event_key, e.source_ids, e.target_ids, e.goldstein,
                             e.quad_class, e.event_day
                      FROM coded_event e WHERE true %s ORDER BY e.event_key) ev
                CROSS JOIN LATERAL unnest(ev.source_ids) AS s(id)
                CROSS JOIN LATERAL unnest(ev.target_ids) AS t(id)
                WHERE s.id <> t.id %s""".formatted(where, pair);
    }

    /** Event count, Goldstein sum and counts per quad class of a group of dyad rows. */
    private record Counts(long events, double goldsteinSum, long[] perQuad) {

        Double mean() {
            return events == 0 ? null : Math.round(goldsteinSum / events * 1000) / 1000.0;
        }

        QuadClasses quads() {
            return new QuadClasses(perQuad[0], perQuad[1], perQuad[2], perQuad[3]);
        }

        Counts plus(Counts o) {
            long[] sum = new long[4];
            for (int i = 0; i < 4; i++) {
                sum[i] = perQuad[i] + o.perQuad[i];
            }
            return new Counts(events + o.events, goldsteinSum + o.goldsteinSum, sum);
        }
    }

    private static Counts counts(ResultSet r, int first) throws SQLException {
        return new Counts(r.getLong(first), r.getDouble(first + 1), new long[] {r.getLong(first + 2),
                r.getLong(first + 3), r.getLong(first + 4), r.getLong(first + 5)});
    }

    private List<ActorRow> actors(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, ACTOR_ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event actors cannot be read", e);
        }
    }

    private static List<ActorView> side(List<ActorRow> actors, String side) {
        return actors.stream().filter(a -> a.side().equals(side)).map(a -> new ActorView(a.entityId(), a.name(),
                a.type(), a.country(), a.role(), a.start(), a.end())).toList();
    }

    /** The actors of one side, each entity once (a report may name it twice), in the report's order. */
    private static List<Party> parties(List<ActorView> actors) {
        Map<String, Party> parties = new LinkedHashMap<>();
        actors.forEach(a -> parties.putIfAbsent(a.entityId(), new Party(a.entityId(), a.name(), a.type(), a.country(),
                a.role())));
        return List.copyOf(parties.values());
    }

    private static String dateSource(LocalDate day, boolean coded) {
        return day == null ? null : coded ? "event" : "article";
    }

    private static String root(String code) {
        return code == null || code.length() < 2 ? null : code.substring(0, 2);
    }

    private static List<UUID> uuids(ResultSet r, int column) throws SQLException {
        java.sql.Array array = r.getArray(column);
        return array == null ? List.of()
                : Arrays.stream((String[]) array.getArray()).map(UUID::fromString).sorted().toList();
    }
}
