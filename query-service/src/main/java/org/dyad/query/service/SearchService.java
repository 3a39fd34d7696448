package org.dyad.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Full-text search over the read model with PostgreSQL's own text search and GIN-indexed filter arrays:
 * ranked or newest-first pages with keyset cursors, facet counts, and a streamed export of everything that
 * matches. Native SQL because JPQL has no tsquery, always with bound parameters.
 */
@ApplicationScoped
public class SearchService {

    /** The facets a caller may ask for. */
    public static final Set<String> FACETS = Set.of("entity", "country", "type", "topic", "source", "language");

    /** How many values each facet lists. */
    public static final int FACET_SIZE = 20;

    private static final String UNDATED = "DATE '0001-01-01'";
    private static final String SORT_DATE = "coalesce(a.article_date, " + UNDATED + ")";

    private final DataSource dataSource;

    public SearchService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of hits: {@code next} is the cursor of the following page, null on the last one. */
    public record Page(long total, List<Hit> hits, String next, Map<String, List<FacetValue>> facets) {
    }

    /** One matching article; {@code snippet} marks matched words with {@code <mark>} when a text query was given. */
    public record Hit(UUID id, String title, String snippet, String source, String language, LocalDate date,
            List<String> entities, List<String> topics, float rank) {
    }

    /** A facet value and the number of matching articles that have it; {@code name} for entities. */
    public record FacetValue(String value, String name, long count) {
    }

    /** A matching article as the export writes it. */
    public record ExportRow(UUID id, LocalDate date, String title, String source, String url, String language,
            float rank, List<String> entities, List<String> topics) {
    }

    /** Receives exported rows one at a time. */
    @FunctionalInterface
    public interface RowSink {
        void accept(ExportRow row) throws java.io.IOException;
    }

    /**
     * Checks a full-text query: it must have balanced quotes and at least one searchable word.
     *
     * @throws InvalidRequest {@code invalid-query} otherwise
     */
    public void validateText(String text) {
        if (text.length() > 1_000) {
            throw new InvalidRequest("invalid-query", "q", "q may have at most 1000 characters.");
        }
        if (text.chars().filter(ch -> ch == '"').count() % 2 != 0) {
            throw new InvalidRequest("invalid-query", "q", "q has an unclosed \" quotation mark.");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT numnode(websearch_to_tsquery('english', ?))")) {
            s.setString(1, text);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getInt(1) == 0) {
                    throw new InvalidRequest("invalid-query", "q", "q has no searchable word (only stop words or "
                            + "operators); give at least one word that is not like \"the\", \"or\" or \"-\".");
                }
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /** The {@code limit} hits after {@code cursor} (null for the first page), with the asked facets. */
    public Page search(SearchQuery query, int limit, String cursor, List<String> facets) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        String from = from(query, params, where);
        boolean relevance = query.sort() == SearchQuery.Sort.RELEVANCE;
        String rank = query.hasText() ? "ts_rank_cd(a.search, q.query)" : "0::real";
        List<Object> pageParams = new ArrayList<>(params);
        StringBuilder pageWhere = new StringBuilder(where);
        if (cursor != null) {
            List<String> key = Cursor.decode(cursor, query.fingerprint(), relevance ? 3 : 2);
            try {
                if (relevance) {
                    pageWhere.append(" AND (").append(rank).append(", ").append(SORT_DATE)
                            .append(", a.id) < (?, ?, ?)");
                    pageParams.add(Float.intBitsToFloat(Integer.parseInt(key.get(0))));
                    pageParams.add(LocalDate.parse(key.get(1)));
                    pageParams.add(UUID.fromString(key.get(2)));
                } else {
                    pageWhere.append(" AND (").append(SORT_DATE).append(", a.id) < (?, ?)");
                    pageParams.add(LocalDate.parse(key.get(0)));
                    pageParams.add(UUID.fromString(key.get(1)));
                }
            } catch (RuntimeException malformed) {
                throw new InvalidRequest("invalid-cursor", "cursor", "The cursor is not one this search returned.");
            }
        }
        String order = relevance ? "rank DESC, sort_date DESC, id DESC" : "sort_date DESC, id DESC";
        String snippet = query.hasText()
                ? "ts_headline('english', a.text, q.query, 'StartSel=<mark>, StopSel=</mark>, MinWords=15, MaxWords=35')"
                : "left(a.text, 240)";
        // A ranked first page ranks every match anyway: counting them in the same pass spares a second scan.
        boolean countInPage = relevance && cursor == null;
        String sql = "WITH page AS (SELECT a.id, " + rank + " AS rank, " + SORT_DATE + " AS sort_date"
                + (countInPage ? ", count(*) OVER () AS total" : ", 0::bigint AS total") + " FROM " + from
                + " WHERE true" + pageWhere + " ORDER BY " + order + " LIMIT ?) "
                + "SELECT a.id, a.title, " + snippet + " AS snippet, a.source, a.language, a.article_date, "
                + "a.entity_ids, a.topics, page.rank, page.sort_date, page.total FROM page JOIN article a ON a.id = page.id"
                + (query.hasText() ? " CROSS JOIN websearch_to_tsquery('english', ?) AS q(query)" : "")
                + " ORDER BY " + order.replace("rank", "page.rank").replace("sort_date", "page.sort_date")
                .replace("id DESC", "a.id DESC");
        pageParams.add(limit + 1);
        if (query.hasText()) {
            pageParams.add(query.text());
        }
        try (Connection c = dataSource.getConnection()) {
            // one snapshot for the page, the total and the facets
            Db.beginSnapshot(c);
            try {
                List<Object[]> rows = Db.list(c, sql, pageParams, r -> new Object[] {
                        new Hit(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getObject(6, LocalDate.class), texts(r, 7), texts(r, 8),
                                r.getFloat(9)),
                        r.getObject(10, LocalDate.class), r.getLong(11)});
                String next = null;
                if (rows.size() > limit) {
                    rows = rows.subList(0, limit);
                    Object[] last = rows.get(limit - 1);
                    Hit hit = (Hit) last[0];
                    next = relevance
                            ? Cursor.encode(query.fingerprint(), List.of(
                                    Integer.toString(Float.floatToIntBits(hit.rank())), last[1].toString(),
                                    hit.id().toString()))
                            : Cursor.encode(query.fingerprint(), List.of(last[1].toString(), hit.id().toString()));
                }
                long total = countInPage
                        ? rows.isEmpty() ? 0 : (long) rows.get(0)[2]
                        : Db.list(c, "SELECT count(*) FROM " + from + " WHERE true" + where, params,
                                r -> r.getLong(1)).get(0);
                List<Hit> hits = rows.stream().map(r -> (Hit) r[0]).toList();
                Map<String, List<FacetValue>> facetCounts = facets(c, from, where.toString(), params, facets);
                c.commit();
                return new Page(total, hits, next, facetCounts);
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /** Streams every match, in the query's order, with no cap; the database hands rows over in batches. */
    public long export(SearchQuery query, RowSink sink) throws java.io.IOException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        String from = from(query, params, where);
        String rank = query.hasText() ? "ts_rank_cd(a.search, q.query)" : "0::real";
        String order = query.sort() == SearchQuery.Sort.RELEVANCE ? "rank DESC, sort_date DESC, a.id DESC"
                : "sort_date DESC, a.id DESC";
        String sql = "SELECT a.id, a.article_date, a.title, a.source, a.url, a.language, " + rank + " AS rank, "
                + "a.entity_ids, a.topics, " + SORT_DATE + " AS sort_date FROM " + from + " WHERE true" + where
                + " ORDER BY " + order;
        return Db.stream(dataSource, sql, params, r -> sink.accept(new ExportRow(r.getObject(1, UUID.class),
                r.getObject(2, LocalDate.class), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getFloat(7), texts(r, 8), texts(r, 9))));
    }

    /** The FROM clause, and the filter conditions appended to {@code where} with their parameters. */
    private static String from(SearchQuery query, List<Object> params, StringBuilder where) {
        String from = "article a";
        if (query.hasText()) {
            from = "article a CROSS JOIN websearch_to_tsquery('english', ?) AS q(query)";
            params.add(query.text());
            where.append(" AND a.search @@ q.query");
        }
        if (!query.entities().isEmpty()) {
            where.append(" AND a.entity_ids @> ?::text[]");
            params.add(query.entities());
        }
        any(where, params, "a.countries", query.countries());
        any(where, params, "a.entity_types", query.types());
        any(where, params, "a.topics", query.topics());
        if (!query.sources().isEmpty()) {
            where.append(" AND a.source = ANY (?::text[])");
            params.add(query.sources());
        }
        if (!query.languages().isEmpty()) {
            where.append(" AND a.language = ANY (?::text[])");
            params.add(query.languages());
        }
        if (query.from() != null) {
            where.append(" AND a.article_date >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND a.article_date <= ?");
            params.add(query.to());
        }
        return from;
    }

    private static void any(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" && ?::text[]");
            params.add(values);
        }
    }

    private static Map<String, List<FacetValue>> facets(Connection c, String from, String where, List<Object> params,
            List<String> facets) throws SQLException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        if (facets.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT a.entity_ids, a.countries, "
                + "a.entity_types, a.topics, a.source, a.language FROM " + from + " WHERE true" + where + ") ");
        List<String> parts = new ArrayList<>();
        for (String facet : facets) {
            String value = switch (facet) {
                case "entity" -> "x FROM m, unnest(m.entity_ids) x";
                case "country" -> "x FROM m, unnest(m.countries) x";
                case "type" -> "x FROM m, unnest(m.entity_types) x";
                case "topic" -> "x FROM m, unnest(m.topics) x";
                case "source" -> "m.source AS x FROM m";
                case "language" -> "m.language AS x FROM m";
                default -> throw new IllegalArgumentException(facet);
            };
            parts.add("(SELECT '" + facet + "' AS facet, x, count(*) AS n FROM (SELECT " + value
                    + ") v WHERE x IS NOT NULL GROUP BY x ORDER BY n DESC, x LIMIT " + FACET_SIZE + ")");
        }
        sql.append("SELECT f.facet, f.x, f.n, e.name FROM (").append(String.join(" UNION ALL ", parts))
                .append(") f LEFT JOIN entity e ON f.facet = 'entity' AND e.id = f.x");
        facets.forEach(f -> out.put(f, new ArrayList<>()));
        for (Object[] row : Db.list(c, sql.toString(), params,
                r -> new Object[] {r.getString(1), new FacetValue(r.getString(2), r.getString(4), r.getLong(3))})) {
            out.get((String) row[0]).add((FacetValue) row[1]);
        }
        out.values().forEach(values -> values.sort((x, y) -> x.count() != y.count()
                ? Long.compare(y.count(), x.count()) : x.value().compareTo(y.value())));
        return out;
    }

    private static List<String> texts(ResultSet r, int column) throws SQLException {
        java.sql.Array array = r.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
