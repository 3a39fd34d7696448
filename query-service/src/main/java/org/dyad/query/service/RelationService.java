package org.dyad.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.dyad.query.domain.ReadModelStore;

/**
 * Relations between actors from co-mentions: for a pair, counts, a monthly timeline, top topics and the
 * evidence sentences; for one actor, all its partners. Event-based relations are {@link EventService}'s.
 */
@ApplicationScoped
public class RelationService {

    private final DataSource dataSource;

    public RelationService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An actor as relations show it. */
    public record Actor(String id, String name, String type, String country) {
    }

    /** Co-mention counts of a pair of actors. */
    public record Counts(long articles, long sameSentenceArticles, long sameSentences) {
    }

    /** One month of a pair's timeline ({@code month} is its first day, null for undated articles). */
    public record Month(LocalDate month, long articles, long sameSentenceArticles, long sameSentences) {
    }

    /** A topic of the articles naming both, with their number. */
    public record TopicCount(String topic, long articles) {
    }

    /** An article naming both actors, and its sentences naming both (empty when none does). */
    public record Evidence(UUID articleId, String title, LocalDate date, List<EvidenceSentence> sentences) {
    }

    /** A sentence naming both actors; {@code start}/{@code end} are offsets into the article's text. */
    public record EvidenceSentence(int sentence, int start, int end, String text) {
    }

    /** The relation of two actors. */
    public record Pair(Actor a, Actor b, Counts counts, List<Month> timeline, List<TopicCount> topics,
            List<Evidence> evidence) {
    }

    /** One actor and its partners. */
    public record Partners(Actor actor, List<EntityService.Partner> partners) {
    }

    /**
     * The relation of {@code a} and {@code b} within [from, to] (null for open), with the {@code evidence} newest
     * articles as evidence; empty when either actor is unknown.
     */
    public Optional<Pair> pair(String a, String b, LocalDate from, LocalDate to, int evidence) {
        // pairs are stored once, in id order
        String first = a.compareTo(b) <= 0 ? a : b;
        String second = first.equals(a) ? b : a;
        try (Connection c = dataSource.getConnection()) {
            Db.beginSnapshot(c);
            try {
                Optional<Actor> actorA = actor(c, a);
                Optional<Actor> actorB = actor(c, b);
                if (actorA.isEmpty() || actorB.isEmpty()) {
                    return Optional.empty();
                }
                List<Object> params = new ArrayList<>(List.of(first, second));
                String months = monthRange(from, to, params);
                List<Month> timeline = Db.list(c, "SELECT month, articles, same_sentence_articles, same_sentences "
                        + "FROM pair_month WHERE entity_a = ? AND entity_b = ? AND articles > 0" + months
                        + " ORDER BY month", params, r -> new Month(EntityService.undated(r.getObject(1, LocalDate.class)),
                                r.getLong(2), r.getLong(3), r.getLong(4)));
                Counts counts = new Counts(timeline.stream().mapToLong(Month::articles).sum(),
                        timeline.stream().mapToLong(Month::sameSentenceArticles).sum(),
                        timeline.stream().mapToLong(Month::sameSentences).sum());
                // topics are counted over all dates: pair_topic has no month
                List<TopicCount> topics = Db.list(c, "SELECT topic, articles FROM pair_topic WHERE entity_a = ? "
                        + "AND entity_b = ? AND articles > 0 ORDER BY articles DESC, topic LIMIT 10",
                        List.of(first, second), r -> new TopicCount(r.getString(1), r.getLong(2)));
                List<Evidence> found = evidence(c, first, second, from, to, evidence);
                c.commit();
                return Optional.of(new Pair(actorA.get(), actorB.get(), counts, timeline, topics, found));
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /** The {@code limit} actors most often named with {@code id}, optionally of the given types only. */
    public Optional<Partners> partners(String id, List<String> types, int limit) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Actor> actor = actor(c, id);
            if (actor.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Partners(actor.get(), EntityService.partners(c, id, types, limit)));
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    private static Optional<Actor> actor(Connection c, String id) throws SQLException {
        return Optional.ofNullable(actors(c, List.of(id)).get(id));
    }

    /** The actors of {@code ids} that some article names, by id. */
    static Map<String, Actor> actors(Connection c, List<String> ids) throws SQLException {
        Map<String, Actor> actors = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Actor a : Db.list(c, "SELECT id, name, type, country FROM entity WHERE id = ANY (?::text[]) "
                    + "AND article_count > 0", List.of(ids),
                    r -> new Actor(r.getString(1), r.getString(2), r.getString(3), r.getString(4)))) {
                actors.put(a.id(), a);
            }
        }
        return actors;
    }

    private static String monthRange(LocalDate from, LocalDate to, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" AND month >= ?");
            params.add(from.withDayOfMonth(1));
        }
        if (to != null) {
            sql.append(" AND month <= ?");
            params.add(to.withDayOfMonth(1));
        }
        if (from != null || to != null) {
            sql.append(" AND month <> ?");
            params.add(ReadModelStore.UNDATED);
        }
        return sql.toString();
    }

    private static List<Evidence> evidence(Connection c, String first, String second, LocalDate from, LocalDate to,
            int limit) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(first, second));
        StringBuilder dates = new StringBuilder();
        if (from != null) {
            dates.append(" AND p.article_date >= ?");
            params.add(from);
        }
        if (to != null) {
            dates.append(" AND p.article_date <= ?");
            params.add(to);
        }
        params.add(limit);
        List<Object[]> rows = Db.list(c, """
                SELECT p.article_id, a.title, a.article_date, s.idx, s.start_offset, s.end_offset, a.text
                FROM (SELECT article_id, article_date, sentences FROM entity_pair p
                      WHERE p.entity_a = ? AND p.entity_b = ?""" + dates + """

                      ORDER BY p.article_date DESC NULLS LAST, p.article_id LIMIT ?) p
                JOIN article a ON a.id = p.article_id
                LEFT JOIN sentence s ON s.article_id = p.article_id AND s.idx = ANY (p.sentences)
                ORDER BY p.article_date DESC NULLS LAST, p.article_id, s.idx""", params,
                r -> new Object[] {r.getObject(1, UUID.class), r.getString(2), r.getObject(3, LocalDate.class),
                        r.getObject(4), r.getInt(5), r.getInt(6), r.getString(7)});
        Map<UUID, Evidence> byArticle = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Evidence e = byArticle.computeIfAbsent((UUID) row[0],
                    id -> new Evidence(id, (String) row[1], (LocalDate) row[2], new ArrayList<>()));
            if (row[3] != null) {
                String text = (String) row[6];
                int start = (int) row[4];
                int end = Math.min((int) row[5], text.length());
                e.sentences().add(new EvidenceSentence((Integer) row[3], start, end, text.substring(start, end)));
            }
        }
        return byArticle.values().stream()
                .map(e -> new Evidence(e.articleId(), e.title(), e.date(), List.copyOf(e.sentences())))
                .toList();
    }
}
