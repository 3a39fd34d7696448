package org.dyad.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.dyad.query.domain.ReadModelStore;

/**
 * Canonical entities: typo-tolerant look-up by name or alias (pg_trgm trigram and word similarity), and the
 * profile of one entity from the counters the writer keeps (so it costs the same at any corpus size).
 */
@ApplicationScoped
public class EntityService {

    private final DataSource dataSource;

    public EntityService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An entity found by look-up; {@code matched} is the name or alias that matched, {@code score} 0 to 1. */
    public record Match(String id, String name, String type, String country, int articles, int mentions,
            String matched, double score) {
    }

    /** Everything known of one entity. */
    public record Profile(String id, String name, String type, String country, boolean known, List<String> aliases,
            List<RoleHeld> roles, int articles, int mentions, List<Partner> cooccurring, List<Month> timeline) {
    }

    /** A role, with the days it is known to be held (null when unknown). */
    public record RoleHeld(String title, String country, String organization, LocalDate from, LocalDate to,
            String source) {
    }

    /** An entity named in the same articles: {@code articles} naming both, of which {@code sameSentenceArticles}
     * name both in one sentence, {@code sameSentences} such sentences in all. */
    public record Partner(String id, String name, String type, long articles, long sameSentenceArticles,
            long sameSentences) {
    }

    /** Articles and mentions in one month ({@code month} is its first day, null for undated articles). */
    public record Month(LocalDate month, long articles, long mentions) {
    }

    /**
     * Entities whose name or an alias is like {@code text} (prefixes and typos included), best first, then the
     * most written about; without text, the most written about.
     */
    public List<Match> lookup(String text, List<String> types, List<String> countries, int limit) {
        List<Object> params = new ArrayList<>();
        String sql;
        String filter = (types.isEmpty() ? "" : " AND e.type = ANY (?::text[])")
                + (countries.isEmpty() ? "" : " AND e.country = ANY (?::text[])");
        if (text == null || text.isBlank()) {
            sql = "SELECT e.id, e.name, e.type, e.country, e.article_count, e.mention_count, e.name, 1.0 "
                    + "FROM entity e WHERE e.article_count > 0" + filter
                    + " ORDER BY e.article_count DESC, e.id LIMIT ?";
        } else {
            String q = text.strip().toLowerCase(Locale.ROOT);
            // Short input has too few trigrams: a prefix match on the (small) alias table answers it instead.
            String candidates = q.length() < 3
                    ? "starts_with(lower(a.alias), ?)"
                    : "(lower(a.alias) % ? OR ? <% lower(a.alias))";
            sql = "SELECT e.id, e.name, e.type, e.country, e.article_count, e.mention_count, s.alias, s.score "
                    + "FROM (SELECT DISTINCT ON (a.entity_id) a.entity_id, a.alias, "
                    + "  CASE WHEN starts_with(lower(a.alias), ?) THEN 1.0 "
                    + "       ELSE greatest(similarity(lower(a.alias), ?), word_similarity(?, lower(a.alias))) END AS score "
                    + "  FROM entity_alias a WHERE " + candidates
                    + "  ORDER BY a.entity_id, score DESC, a.alias) s "
                    + "JOIN entity e ON e.id = s.entity_id WHERE e.article_count > 0" + filter
                    + " ORDER BY s.score DESC, e.article_count DESC, e.id LIMIT ?";
            params.add(q);
            params.add(q);
            params.add(q);
            params.add(q);
            if (q.length() >= 3) {
                params.add(q);
            }
        }
        if (!types.isEmpty()) {
            params.add(types);
        }
        if (!countries.isEmpty()) {
            params.add(countries);
        }
        params.add(limit);
        try (Connection c = dataSource.getConnection()) {
            return Db.list(c, sql, params, r -> new Match(r.getString(1), r.getString(2), r.getString(3),
                    r.getString(4), r.getInt(5), r.getInt(6), r.getString(7),
                    Math.round(r.getDouble(8) * 1000) / 1000.0));
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /** The profile of entity {@code id} with its {@code partners} most frequent co-occurring entities. */
    public Optional<Profile> profile(String id, int partners) {
        try (Connection c = dataSource.getConnection()) {
            Db.beginSnapshot(c);
            try {
                List<Object[]> rows = Db.list(c, "SELECT name, type, country, known, article_count, mention_count "
                        + "FROM entity WHERE id = ?", List.of(id), r -> new Object[] {r.getString(1), r.getString(2),
                                r.getString(3), r.getBoolean(4), r.getInt(5), r.getInt(6)});
                if (rows.isEmpty() || (int) rows.get(0)[4] <= 0) {
                    return Optional.empty();
                }
                Object[] e = rows.get(0);
                List<String> aliases = Db.list(c, "SELECT alias FROM entity_alias WHERE entity_id = ? ORDER BY alias",
                        List.of(id), r -> r.getString(1));
                List<RoleHeld> roles = Db.list(c, "SELECT title, country, organization, from_date, to_date, source "
                        + "FROM entity_role WHERE entity_id = ? ORDER BY from_date NULLS LAST, to_date NULLS LAST, title",
                        List.of(id), r -> new RoleHeld(r.getString(1), r.getString(2), r.getString(3),
                                r.getObject(4, LocalDate.class), r.getObject(5, LocalDate.class), r.getString(6)));
                List<Partner> cooccurring = partners(c, id, List.of(), partners);
                List<Month> timeline = Db.list(c, "SELECT month, articles, mentions FROM entity_month "
                        + "WHERE entity_id = ? AND articles > 0 ORDER BY month", List.of(id),
                        r -> new Month(undated(r.getObject(1, LocalDate.class)), r.getLong(2), r.getLong(3)));
                c.commit();
                return Optional.of(new Profile(id, (String) e[0], (String) e[1], (String) e[2], (boolean) e[3],
                        aliases, roles, (int) e[4], (int) e[5], cooccurring, timeline));
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /**
     * The entities most often named with {@code id}, optionally only of the given types. Without types, each side of
     * the pair (id as entity_a, as entity_b) gives its best {@code limit} straight from its index (V5) and the two are
     * merged, so a much-named entity costs no more than a rare one.
     */
    static List<Partner> partners(Connection c, String id, List<String> types, int limit) throws SQLException {
        if (types.isEmpty()) {
            return Db.list(c, """
                    SELECT x.other, e.name, e.type, x.articles, x.same_sentence_articles, x.same_sentences
                    FROM ((SELECT entity_b AS other, articles, same_sentence_articles, same_sentences
                           FROM pair_total WHERE entity_a = ? AND articles > 0
                           ORDER BY articles DESC, same_sentences DESC, entity_b LIMIT ?)
                          UNION ALL
                          (SELECT entity_a, articles, same_sentence_articles, same_sentences
                           FROM pair_total WHERE entity_b = ? AND articles > 0
                           ORDER BY articles DESC, same_sentences DESC, entity_a LIMIT ?)) x
                    JOIN entity e ON e.id = x.other
                    ORDER BY x.articles DESC, x.same_sentences DESC, x.other LIMIT ?""", List.of(id, limit, id, limit, limit),
                    r -> new Partner(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5),
                            r.getLong(6)));
        }
        List<Object> params = new ArrayList<>(List.of(id, id, types, limit));
        return Db.list(c, """
                SELECT x.other, e.name, e.type, x.articles, x.same_sentence_articles, x.same_sentences
                FROM (SELECT entity_b AS other, articles, same_sentence_articles, same_sentences
                      FROM pair_total WHERE entity_a = ? AND articles > 0
                      UNION ALL
                      SELECT entity_a, articles, same_sentence_articles, same_sentences
                      FROM pair_total WHERE entity_b = ? AND articles > 0) x
                JOIN entity e ON e.id = x.other WHERE e.type = ANY (?::text[])
                ORDER BY x.articles DESC, x.same_sentences DESC, x.other LIMIT ?""", params,
                r -> new Partner(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5),
                        r.getLong(6)));
    }

    static LocalDate undated(LocalDate month) {
        return ReadModelStore.UNDATED.equals(month) ? null : month;
    }
}
