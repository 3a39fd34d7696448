package org.dyad.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.dyad.query.config.QueryConfig;

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

    /** The columns the facets are counted from. */
    private static final String FACET_COLUMNS = "a.entity_ids, a.countries, a.entity_types, a.topics, a.source, a.language";

    private static final String UNDATED = "DATE '0001-01-01'";
    private static final String SORT_DATE = "coalesce(a.article_date, " + UNDATED + ")";

    /** A date range this small is read newest first whatever matches in it (a few milliseconds): see {@link #byDate}. */
    static final long SMALL_RANGE = 2_000;

    /** Every filter of a search tested on the rows: only the date range uses an index. */
    private static final Set<String> ALL = Set.of("entity", "country", "type", "topic", "source", "language", "text");

    /** How many filter entities {@link #estimates} sizes, the first ones (the window is read from the smallest). */
    private static final int MAX_ENTITY_ESTIMATES = 4;

    /** Every filter and the date range tested on the rows (the window read from article_entity_date_idx). */
    private static final Set<String> ENTITY_ROWS = Set.of("entity", "country", "type", "topic", "source", "language",
            "text", "range");

    /** Reads EXPLAIN (FORMAT JSON). */
    private static final ObjectMapper PLANS = new ObjectMapper();

    /** The "Plan Rows" of the top node of an EXPLAIN (FORMAT JSON). */
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final DataSource dataSource;
    private final int rankWindow;

    @Inject
    public SearchService(DataSource dataSource, QueryConfig config) {
        this(dataSource, config.search().rankWindow());
    }

    /** A search over {@code dataSource} that ranks and counts facets over at most {@code rankWindow} matches. */
    public SearchService(DataSource dataSource, int rankWindow) {
        if (rankWindow < 1) {
            throw new IllegalArgumentException("dyad.query.search.rank-window must be at least 1, not " + rankWindow);
        }
        this.dataSource = dataSource;
        this.rankWindow = rankWindow;
    }

    /** One page of hits: {@code next} is the cursor of the following page, null on the last one. */
    /**
     * One page of hits: {@code next} is the cursor of the following page, null on the last one. When more articles
     * match than the rank window, {@code totalIsEstimate} is set and {@code window} is the number of newest matches
     * that were ranked and counted for facets; otherwise {@code window} is null and everything is exact.
     */
    public record Page(long total, boolean totalIsEstimate, Integer window, List<Hit> hits, String next,
            Map<String, List<FacetValue>> facets) {
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

    /**
     * The {@code limit} hits after {@code cursor} (null for the first page), with the asked facets.
     *
     * <p>At most {@code rankWindow} matches are ranked and counted for facets: the newest ones. When no more than that
     * match, everything is exact, as if there were no window. When more match, the relevance order covers the newest
     * {@code rankWindow} matches (a cursor keeps to that window: later pages rank the same matches, and articles that
     * arrive in between), the facets count them, and {@code total} is the planner's estimate of all matches (never
     * below {@code rankWindow + 1}), with {@code totalIsEstimate} set. Newest-first pages are exact at any size; only
     * their total and facets follow the window. So the cost of a page is bounded by the window, not the corpus.
     */
    public Page search(SearchQuery query, int limit, String cursor, List<String> facets) {
        return search(query, limit, cursor, facets, null);
    }

    /**
     * How a ranked window is read: {@code DATE} the range newest first from {@code article_date_idx}, every filter tested
     * on the rows; {@code ENTITY} the articles of one filter entity newest first from {@code article_entity_date_idx},
     * the rest tested on the rows; {@code INDEXES} as the planner chooses from all the indexes.
     */
    enum Plan { DATE, ENTITY, INDEXES }

    /**
     * Where a ranked window reads its rows: the FROM clause, the window's sort key and article id as the index that
     * orders it has them, and that order.
     */
    private record Access(String from, String sortDate, String id, String order) {
        static Access of(String from) {
            return new Access(from, SORT_DATE, "a.id", "sort_date DESC, a.id DESC");
        }
    }

    /** As {@link #search(SearchQuery, int, String, List)}; {@code plan} non-null imposes the plan (tests). */
    Page search(SearchQuery query, int limit, String cursor, List<String> facets, Plan plan) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        String from = from(query, params, where, Set.of());
        boolean relevance = query.sort() == SearchQuery.Sort.RELEVANCE;
        try (Connection c = dataSource.getConnection()) {
            // one snapshot for the page, the total and the facets
            Db.beginSnapshot(c);
            try {
                serial(c);
                Page page;
                if (relevance) {
                    long[] estimates = estimates(c, query, from, where.toString(), params);
                    Plan use = plan != null ? plan : byEntity(estimates, rankWindow) ? Plan.ENTITY : null;
                    Access access = Access.of(from);
                    if (use == Plan.ENTITY && !query.entities().isEmpty()) {
                        // the same conditions: the entity's articles of the range from its index, the rest on the rows
                        params.clear();
                        where.setLength(0);
                        String entity = query.entities().get((int) Math.max(0, estimates[6]));
                        access = new Access(byEntity(query, entity, params, where), "ae.sort_date", "ae.article_id",
                                "ae.sort_date DESC, ae.article_id DESC");
                    } else {
                        Set<String> rowOnly = use == null ? rowOnly(estimates)
                                : use == Plan.INDEXES ? Set.of() : ALL;
                        if (!rowOnly.isEmpty()) {
                            // the same conditions, some or all tested on the rows rather than read from their index
                            params.clear();
                            where.setLength(0);
                            access = Access.of(from(query, params, where, rowOnly));
                        }
                    }
                    page = ranked(c, query, access, where.toString(), params, limit, cursor, facets, estimates[1]);
                } else {
                    page = newest(c, query, from, where.toString(), params, limit, cursor, facets);
                }
                c.commit();
                return page;
            } finally {
                Db.end(c);
            }
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }

    /**
     * No parallel workers and no Memoize for the statements of one search (until the transaction ends). Memoize, which
     * the planner puts over the article look-ups of a window read from article_entity, copies every ~2 kB article row
     * into a cache that is never hit (each article comes once): 28-33 ms instead of 22 ms for 2,200 rows. A window is a few thousand
     * index-ordered rows at most; a Gather Merge over them spends milliseconds starting a worker that then competes with
     * the leader and every other client for the machine's cores. On the shared two-core machine, in one JVM alternating
     * with and without, this cut the p95 of the ranked two-filter search at 100,000 articles from ~48 to ~35 ms.
     */
    private static void serial(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL enable_memoize = off");
        }
    }

    /** Relevance order over the window: the newest matches (all of them when no more than the window match). */
    private Page ranked(Connection c, SearchQuery query, Access access, String where, List<Object> params, int limit,
            String cursor, List<String> facets, long estimate) throws SQLException {
        // the window's floor (the oldest article in it) comes with the cursor when the first page was capped
        String floorDate = null;
        String floorId = null;
        List<Object> pageParams = new ArrayList<>(params);
        StringBuilder windowWhere = new StringBuilder(where);
        StringBuilder after = new StringBuilder();
        List<Object> afterParams = new ArrayList<>();
        if (cursor != null) {
            List<String> key = Cursor.decode(cursor, query.fingerprint(), 5);
            try {
                after.append(" AND (rank, sort_date, id) < (?, ?, ?)");
                afterParams.add(Float.intBitsToFloat(Integer.parseInt(key.get(0))));
                afterParams.add(LocalDate.parse(key.get(1)));
                afterParams.add(UUID.fromString(key.get(2)));
                if (!key.get(3).isEmpty()) {
                    floorDate = LocalDate.parse(key.get(3)).toString();
                    floorId = UUID.fromString(key.get(4)).toString();
                    windowWhere.append(" AND (" + access.sortDate() + ", " + access.id() + ") >= (?, ?)");
                    pageParams.add(LocalDate.parse(floorDate));
                    pageParams.add(UUID.fromString(floorId));
                }
            } catch (RuntimeException malformed) {
                throw new InvalidRequest("invalid-cursor", "cursor", "The cursor is not one this search returned.");
            }
        }
        // page 1 takes window + 1 (to know whether more match); later pages take what the first page's window holds
        Integer take = cursor == null ? rankWindow + 1 : null;
        Integer keep = cursor == null ? rankWindow : null;
        // the rank is computed as the window is read (the vector is in the row), only for the rows the window keeps
        String arrays = facets.isEmpty() ? "" : ", " + FACET_COLUMNS;
        String window = "SELECT a.id, " + access.sortDate() + " AS sort_date, ts_rank_cd(a.search, q.query) AS rank"
                + arrays + " FROM " + access.from() + " WHERE true" + windowWhere + " ORDER BY " + access.order()
                + " LIMIT ?";
        pageParams.add(take);
        pageParams.add(keep);
        pageParams.addAll(afterParams);
        pageParams.add(limit + 1);
        pageParams.add(query.text());
        String sql = "WITH w AS MATERIALIZED (" + window + "), "
                + "top AS MATERIALIZED (SELECT id, sort_date, rank" + arrays.replace("a.", "")
                + " FROM w ORDER BY sort_date DESC, id DESC LIMIT ?), "
                + "page AS (SELECT id, sort_date, rank FROM top WHERE true" + after
                + "  ORDER BY rank DESC, sort_date DESC, id DESC LIMIT ?), "
                + "fl AS (SELECT sort_date, id FROM top ORDER BY sort_date, id LIMIT 1) "
                + "SELECT m.matched, fl.sort_date, fl.id, p.id, p.title, p.snippet, p.source, p.language, "
                + "  p.article_date, p.entity_ids, p.topics, p.rank, p.sort_date, p.tree" + (facets.isEmpty() ? ""
                        : ", fc.facets, fc.vals, fc.counts, fc.names")
                + " FROM (SELECT count(*) AS matched FROM w) m LEFT JOIN fl ON true "
                + (facets.isEmpty() ? "" : "LEFT JOIN (" + facetSql(facets, "top") + ") fc ON true ")
                // the texts for the snippets, which are built here (Snippets), and the query's positive lexemes
                + "LEFT JOIN (SELECT a.id, a.title, left(a.text, " + Snippets.MAX_CHARS + ") AS snippet, a.source, "
                + "  a.language, a.article_date, a.entity_ids, a.topics, page.rank, page.sort_date, "
                + "  querytree(q.query)::text AS tree "
                + "  FROM page JOIN article a ON a.id = page.id CROSS JOIN websearch_to_tsquery('english', ?) AS q(query)) p "
                + "ON true ORDER BY p.rank DESC, p.sort_date DESC, p.id DESC";
        long matched = 0;
        LocalDate oldest = null;
        UUID oldestId = null;
        List<Hit> hits = new ArrayList<>();
        List<LocalDate> sortDates = new ArrayList<>();
        String tree = null;
        Map<String, List<FacetValue>> facetCounts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Db.customPlan(s);
            Db.bind(c, s, pageParams);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    matched = r.getLong(1);
                    oldest = r.getObject(2, LocalDate.class);
                    oldestId = r.getObject(3, UUID.class);
                    if (facetCounts.isEmpty() && !facets.isEmpty()) {
                        facetCounts = facetValues(r, 15, facets);
                    }
                    if (r.getObject(4) != null) {
                        hits.add(new Hit(r.getObject(4, UUID.class), r.getString(5), r.getString(6), r.getString(7),
                                r.getString(8), r.getObject(9, LocalDate.class), texts(r, 10), texts(r, 11),
                                r.getFloat(12)));
                        sortDates.add(r.getObject(13, LocalDate.class));
                        tree = r.getString(14);
                    }
                }
            }
        }
        boolean capped = cursor == null ? matched > rankWindow : floorDate != null;
        if (cursor == null && capped) {
            floorDate = oldest.toString();
            floorId = oldestId.toString();
        }
        String next = null;
        boolean more = hits.size() > limit;
        // snippets for the page only, not for the row that tells whether another page follows
        hits = withSnippets(c, tree, more ? hits.subList(0, limit) : hits);
        if (more) {
            Hit last = hits.get(limit - 1);
            next = Cursor.encode(query.fingerprint(), List.of(Integer.toString(Float.floatToIntBits(last.rank())),
                    sortDates.get(limit - 1).toString(), last.id().toString(), capped ? floorDate : "",
                    capped ? floorId : ""));
        }
        long total = capped ? Math.max(rankWindow + 1L, estimate) : matched;
        return new Page(total, capped, capped ? rankWindow : null, List.copyOf(hits), next, facetCounts);
    }

    /** Newest first: an exact keyset page at any size; total and facets over the window. */
    private Page newest(Connection c, SearchQuery query, String from, String where, List<Object> params, int limit,
            String cursor, List<String> facets) throws SQLException {
        List<Object> pageParams = new ArrayList<>(params);
        StringBuilder pageWhere = new StringBuilder(where);
        if (cursor != null) {
            List<String> key = Cursor.decode(cursor, query.fingerprint(), 2);
            try {
                pageWhere.append(" AND (").append(SORT_DATE).append(", a.id) < (?, ?)");
                pageParams.add(LocalDate.parse(key.get(0)));
                pageParams.add(UUID.fromString(key.get(1)));
            } catch (RuntimeException malformed) {
                throw new InvalidRequest("invalid-cursor", "cursor", "The cursor is not one this search returned.");
            }
        }
        // with q, the texts for the snippets built here (Snippets) and the query's positive lexemes
        String snippet = query.hasText() ? "left(a.text, " + Snippets.MAX_CHARS + ")" : "left(a.text, 240)";
        String tree = query.hasText() ? "querytree(q.query)::text" : "NULL::text";
        String sql = "WITH page AS (SELECT a.id, " + SORT_DATE + " AS sort_date FROM " + from + " WHERE true"
                + pageWhere + " ORDER BY sort_date DESC, a.id DESC LIMIT ?) "
                + "SELECT a.id, a.title, " + snippet + " AS snippet, a.source, a.language, a.article_date, "
                + "a.entity_ids, a.topics, page.sort_date, " + tree + " FROM page JOIN article a ON a.id = page.id"
                + (query.hasText() ? " CROSS JOIN websearch_to_tsquery('english', ?) AS q(query)" : "")
                + " ORDER BY page.sort_date DESC, a.id DESC";
        pageParams.add(limit + 1);
        if (query.hasText()) {
            pageParams.add(query.text());
        }
        List<Object[]> rows = Db.list(c, sql, pageParams, r -> new Object[] {
                new Hit(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getObject(6, LocalDate.class), texts(r, 7), texts(r, 8), 0f),
                r.getObject(9, LocalDate.class), r.getString(10)}, true);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Object[] last = rows.get(limit - 1);
            next = Cursor.encode(query.fingerprint(), List.of(last[1].toString(), ((Hit) last[0]).id().toString()));
        }
        List<Hit> hits = rows.stream().map(r -> (Hit) r[0]).toList();
        hits = query.hasText() ? withSnippets(c, rows.isEmpty() ? null : (String) rows.get(0)[2], hits)
                : hits.stream().map(h -> h.snippet() == null ? h : withSnippet(h,
                        Snippets.escape(h.snippet(), 0, h.snippet().length(), new StringBuilder()).toString())).toList();
        // the count up to the window + 1 and the facets over the newest window matches, in one statement
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(rankWindow + 1);
        String counting = facets.isEmpty()
                ? "SELECT count(*) FROM (SELECT 1 FROM " + from + " WHERE true" + where + " LIMIT ?) x"
                : "WITH w AS MATERIALIZED (SELECT " + SORT_DATE + " AS sort_date, a.id, " + FACET_COLUMNS + " FROM "
                        + from + " WHERE true" + where + " ORDER BY sort_date DESC, a.id DESC LIMIT ?), "
                        + "top AS MATERIALIZED (SELECT * FROM w ORDER BY sort_date DESC, id DESC LIMIT ?) "
                        + "SELECT (SELECT count(*) FROM w), fc.facets, fc.vals, fc.counts, fc.names FROM ("
                        + facetSql(facets, "top") + ") fc";
        if (!facets.isEmpty()) {
            countParams.add(rankWindow);
        }
        Object[] stats = Db.list(c, counting, countParams, r -> new Object[] {r.getLong(1),
                facets.isEmpty() ? Map.of() : facetValues(r, 2, facets)}, true).get(0);
        long counted = (long) stats[0];
        @SuppressWarnings("unchecked")
        Map<String, List<FacetValue>> facetCounts = (Map<String, List<FacetValue>>) stats[1];
        boolean capped = counted > rankWindow;
        long total = capped ? Math.max(rankWindow + 1L, estimate(c, from, where, params)) : counted;
        return new Page(total, capped, capped ? rankWindow : null, hits, next, facetCounts);
    }

    /** {@code hits} (whose snippet holds the text) with their highlighted snippets, built from the query's {@code tree}. */
    private static List<Hit> withSnippets(Connection c, String tree, List<Hit> hits) throws SQLException {
        List<String> snippets = Snippets.build(c, tree, hits.stream().map(Hit::snippet).toList());
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            out.add(withSnippet(hits.get(i), snippets.get(i)));
        }
        return out;
    }

    private static Hit withSnippet(Hit h, String snippet) {
        return new Hit(h.id(), h.title(), snippet, h.source(), h.language(), h.date(), h.entities(), h.topics(),
                h.rank());
    }

    /**
     * The planner's estimates (from the column statistics; no row is read), from one EXPLAIN: the articles in the query's
     * date range (all articles without one), the articles that match, and the articles of its entity filter, its country
     * filter and its text query alone (-1 without one); then the fewest articles in the range of one of its filter
     * entities, and which entity that is (-1, -1 without an entity filter).
     */
    private static long[] estimates(Connection c, SearchQuery query, String from, String where, List<Object> params)
            throws SQLException {
        List<Object> all = new ArrayList<>();
        StringBuilder range = new StringBuilder();
        range(query, all, range);
        all.addAll(params);
        StringBuilder sql = new StringBuilder("EXPLAIN (FORMAT JSON) SELECT 1 FROM article a WHERE true").append(range)
                .append(" UNION ALL SELECT 1 FROM ").append(from).append(" WHERE true").append(where);
        // each indexed filter on its own: the size of its GIN entry
        List<Integer> slots = new ArrayList<>();
        if (!query.entities().isEmpty()) {
            sql.append(" UNION ALL SELECT 1 FROM article a WHERE a.entity_ids @> ?::text[]");
            all.add(query.entities());
            slots.add(2);
        }
        if (!query.countries().isEmpty()) {
            sql.append(" UNION ALL SELECT 1 FROM article a WHERE a.countries && ?::text[]");
            all.add(query.countries());
            slots.add(3);
        }
        if (query.hasText()) {
            sql.append(" UNION ALL SELECT 1 FROM article a CROSS JOIN websearch_to_tsquery('english', ?) AS q(query) "
                    + "WHERE a.search @@ q.query");
            all.add(query.text());
            slots.add(4);
        }
        // each filter entity's articles in the range, as article_entity_date_idx holds them (the first few entities)
        int entities = Math.min(query.entities().size(), MAX_ENTITY_ESTIMATES);
        for (int i = 0; i < entities; i++) {
            StringBuilder entityRange = new StringBuilder();
            sql.append(" UNION ALL SELECT 1 FROM article_entity ae WHERE ae.entity_id = ?");
            all.add(query.entities().get(i));
            entityRange(query, all, entityRange);
            sql.append(entityRange);
        }
        String plan = String.join("\n", Db.list(c, sql.toString(), all, r -> r.getString(1), true));
        try {
            JsonNode parts = PLANS.readTree(plan).path(0).path("Plan").path("Plans");
            long[] out = {parts.path(0).path("Plan Rows").asLong(0), parts.path(1).path("Plan Rows").asLong(0), -1, -1,
                    -1, -1, -1};
            for (int i = 0; i < slots.size(); i++) {
                out[slots.get(i)] = parts.path(2 + i).path("Plan Rows").asLong(0);
            }
            for (int i = 0; i < entities; i++) {
                long rows = parts.path(2 + slots.size() + i).path("Plan Rows").asLong(0);
                if (out[5] < 0 || rows < out[5]) {
                    out[5] = rows;
                    out[6] = i;
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable EXPLAIN output", e);
        }
    }

    /**
     * Whether a ranked window is read from the newest-first date index with every other condition tested on the rows it
     * hands over, rather than as the planner would. The window is the newest {@code rankWindow} matches, so reading the
     * range newest first stops after about {@code rankWindow × inRange / matches} rows; when at least one article in ten
     * of the range matches, that is at most ten rows a match, or the whole range when it is small. The planner prefers
     * ANDing the GIN bitmaps of the entity and the words instead, and misjudges them: the entry of an entity or a word
     * in half the articles costs it 20–25 ms to read at 100,000 articles (about 0.4 µs an article), far more than its
     * cost model says, while ten rows a match cost about 25 µs. A selective filter (a rare entity or word) keeps the
     * planner's choice, where its small GIN entries are the fast way in.
     */
    static boolean byDate(long inRange, long matches) {
        return inRange <= SMALL_RANGE || matches * 10 >= inRange;
    }

    /**
     * The filters of a ranked window tested on the rows instead of read from their GIN index, from {@link #estimates}:
     * all of them when the window is read by date ({@link #byDate}); otherwise each filter whose entry holds more articles
     * than the date range. Reading such an entry (about 0.4 µs an article) costs more than reading the whole range newest
     * first, and PostgreSQL's cost model, which rates GIN entries far cheaper, would AND it in anyway (a common word with
     * a rare country: 20 ms for the word's entry to find 40 articles the country's small entry and the range find alone).
     */
    static Set<String> rowOnly(long[] estimates) {
        long inRange = estimates[0];
        if (byDate(inRange, estimates[1])) {
            return ALL;
        }
        Set<String> out = new java.util.HashSet<>();
        if (estimates[2] > inRange) {
            out.add("entity");
        }
        if (estimates[3] > inRange) {
            out.add("country");
        }
        if (estimates[4] > inRange) {
            out.add("text");
        }
        return out;
    }

    /**
     * Whether a ranked window is read from one filter entity's articles newest first ({@code article_entity_date_idx}),
     * every other condition tested on the rows, from {@link #estimates}. It reads the entity's articles of the range
     * newest first until the {@code window} is full: about {@code window × entityInRange / matches} rows, at most
     * {@code entityInRange}; the date plan ({@link #byDate}) reads the same order with every article of the range, about
     * {@code window × inRange / matches}. A row costs the entity plan about {@link #ENTITY_ROW_COST} times what it costs
     * the date plan (an article_pkey look-up per row, against the next entry of article_date_idx: 22 against 13 ms for a
     * window of Pakistan, in 64 % of the articles, that both read through the same 2,200 of its articles). So where the
     * date plan would be chosen, the entity plan replaces it when the entity holds less than about 1 / ENTITY_ROW_COST of
     * the range (every country but the most-named one). Where the matches are sparse in the range, it is chosen when
     * the entity's articles of the range are few (at most {@link #SMALL_RANGE}) or one in ten of them matches; a rare word
     * in a much-named entity's range keeps the planner's choice, where the word's small GIN entry is the fast way.
     */
    static boolean byEntity(long[] estimates, int window) {
        long entityInRange = estimates.length > 5 ? estimates[5] : -1;
        if (entityInRange < 0) {
            return false;
        }
        long inRange = estimates[0];
        long matches = Math.max(1, estimates[1]);
        if (byDate(inRange, matches)) {
            double entityRows = Math.min(entityInRange, (double) window * entityInRange / matches);
            double dateRows = Math.min(inRange, (double) window * inRange / matches);
            return ENTITY_ROW_COST * entityRows < dateRows;
        }
        return entityInRange <= SMALL_RANGE || matches * 10 >= entityInRange;
    }

    /** What a row read through article_entity costs against a row of article_date_idx (see {@link #byEntity}). */
    static final double ENTITY_ROW_COST = 2;

    /**
     * The FROM clause of a window read from {@code entity}'s articles newest first, and the conditions appended to
     * {@code where}: the entity and the range on {@code article_entity} (its index), every filter of the query (the
     * entity's own included) tested on the article rows. The same rows as {@link #from}: {@code ae.sort_date} is the
     * article's sort key, written with it by ReadModelStore.
     */
    private static String byEntity(SearchQuery query, String entity, List<Object> params, StringBuilder where) {
        String from = "article_entity ae JOIN article a ON a.id = ae.article_id";
        if (query.hasText()) {
            from += " CROSS JOIN websearch_to_tsquery('english', ?) AS q(query)";
            params.add(query.text());
        }
        where.append(" AND ae.entity_id = ?");
        params.add(entity);
        entityRange(query, params, where);
        StringBuilder filters = new StringBuilder();
        List<Object> filterParams = new ArrayList<>();
        from(query, filterParams, filters, ENTITY_ROWS);
        // the filters without the text query's parameter (the FROM above has it), the range again (on the rows)
        if (query.hasText()) {
            filterParams.remove(0);
        }
        where.append(filters);
        params.addAll(filterParams);
        return from;
    }

    /** The date range on {@code article_entity.sort_date} (its index); as in {@link #range}, undated articles are out. */
    private static void entityRange(SearchQuery query, List<Object> params, StringBuilder where) {
        if (query.from() != null) {
            where.append(" AND ae.sort_date >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND ae.sort_date <= ?");
            params.add(query.to());
        }
    }

    /** The planner's estimate of how many articles match (from the column statistics; no row is read). */
    private static long estimate(Connection c, String from, String where, List<Object> params) throws SQLException {
        String plan = String.join("\n", Db.list(c, "EXPLAIN (FORMAT JSON) SELECT 1 FROM " + from + " WHERE true"
                + where, params, r -> r.getString(1), true));
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
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
        return from(query, params, where, Set.of());
    }

    /**
     * The FROM clause, and the filter conditions appended to {@code where} with their parameters; the filters named in
     * {@code rowOnly} cannot use an index (the same rows match: only the plan differs).
     */
    private static String from(SearchQuery query, List<Object> params, StringBuilder where, Set<String> rowOnly) {
        String from = "article a";
        if (query.hasText()) {
            from = "article a CROSS JOIN websearch_to_tsquery('english', ?) AS q(query)";
            params.add(query.text());
        }
        if (!query.entities().isEmpty()) {
            where.append(rowOnly.contains("entity") ? " AND (a.entity_ids @> ?::text[]) IS TRUE"
                    : " AND a.entity_ids @> ?::text[]");
            params.add(query.entities());
        }
        any(where, params, "a.countries", query.countries(), !rowOnly.contains("country"));
        // Ten topics and a handful of types: each value is in a large share of the articles, and reading its GIN entry
        // into a bitmap costs more than testing the rows another filter selected (PostgreSQL's estimate says otherwise
        // and ANDs the bitmaps: 48,000 entries of a topic took 20-40 ms at 100,000 articles). With an entity or country
        // filter these two are tested on the rows only; alone, they use their index.
        boolean selective = !query.entities().isEmpty() || !query.countries().isEmpty();
        any(where, params, "a.entity_types", query.types(), !selective && !rowOnly.contains("type"));
        any(where, params, "a.topics", query.topics(), !selective && !rowOnly.contains("topic"));
        if (!query.sources().isEmpty()) {
            where.append(rowOnly.contains("source") ? " AND (a.source = ANY (?::text[])) IS TRUE"
                    : " AND a.source = ANY (?::text[])");
            params.add(query.sources());
        }
        if (!query.languages().isEmpty()) {
            where.append(rowOnly.contains("language") ? " AND (a.language = ANY (?::text[])) IS TRUE"
                    : " AND a.language = ANY (?::text[])");
            params.add(query.languages());
        }
        range(query, params, where, !rowOnly.contains("range"));
        // last: PostgreSQL tests conditions of equal cost in the order written, and this one reads the search vector
        if (query.hasText()) {
            where.append(rowOnly.contains("text") ? " AND (a.search @@ q.query) IS TRUE" : " AND a.search @@ q.query");
        }
        return from;
    }

    /**
     * The date range, on the sort key, so that the newest-first index serves it; with article_date IS NOT NULL these are
     * the same rows as article_date >= from and <= to (the sort key of an undated article is 0001-01-01).
     */
    private static void range(SearchQuery query, List<Object> params, StringBuilder where) {
        range(query, params, where, true);
    }

    /** As {@link #range(SearchQuery, List, StringBuilder)}; not {@code indexed}, tested on the rows only. */
    private static void range(SearchQuery query, List<Object> params, StringBuilder where, boolean indexed) {
        if (query.from() != null || query.to() != null) {
            where.append(" AND a.article_date IS NOT NULL");
        }
        if (query.from() != null) {
            where.append(indexed ? " AND " + SORT_DATE + " >= ?" : " AND (" + SORT_DATE + " >= ?) IS TRUE");
            params.add(query.from());
        }
        if (query.to() != null) {
            where.append(indexed ? " AND " + SORT_DATE + " <= ?" : " AND (" + SORT_DATE + " <= ?) IS TRUE");
            params.add(query.to());
        }
    }

    /** {@code column} has any of {@code values}; an {@code IS TRUE} keeps the planner from its index when not {@code indexed}. */
    private static void any(StringBuilder where, List<Object> params, String column, List<String> values,
            boolean indexed) {
        if (!values.isEmpty()) {
            where.append(indexed ? " AND " + column + " && ?::text[]" : " AND (" + column + " && ?::text[]) IS TRUE");
            params.add(values);
        }
    }

    /**
     * The facet counts over the rows of CTE {@code source} (which has {@link #FACET_COLUMNS}) as one row of four
     * arrays, facet by facet: facet names, values, counts and entity names.
     */
    private static String facetSql(List<String> facets, String source) {
        List<String> parts = new ArrayList<>();
        for (String facet : facets) {
            // unnest in the select list (one ProjectSet), not as a function scan per row, which materialises each
            // row's array first: a third less time for the facets of a 1,000-row window
            String value = switch (facet) {
                case "entity" -> "unnest(m.entity_ids) AS x FROM " + source + " m";
                case "country" -> "unnest(m.countries) AS x FROM " + source + " m";
                case "type" -> "unnest(m.entity_types) AS x FROM " + source + " m";
                case "topic" -> "unnest(m.topics) AS x FROM " + source + " m";
                case "source" -> "m.source AS x FROM " + source + " m";
                case "language" -> "m.language AS x FROM " + source + " m";
                default -> throw new IllegalArgumentException(facet);
            };
            parts.add("(SELECT '" + facet + "' AS facet, x, count(*) AS n FROM (SELECT " + value
                    + ") v WHERE x IS NOT NULL GROUP BY x ORDER BY n DESC, x LIMIT " + FACET_SIZE + ")");
        }
        // the names of the (at most 20) entity values by primary key, not a join that hashes the whole entity table
        return "SELECT array_agg(f.facet) AS facets, array_agg(f.x) AS vals, array_agg(f.n) AS counts, "
                + "array_agg(CASE WHEN f.facet = 'entity' THEN (SELECT e.name FROM entity e WHERE e.id = f.x) END) "
                + "AS names FROM (" + String.join(" UNION ALL ", parts) + ") f";
    }

    /** The facets of the four arrays {@link #facetSql} answers, from column {@code first} on. */
    private static Map<String, List<FacetValue>> facetValues(ResultSet r, int first, List<String> facets)
            throws SQLException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        facets.forEach(f -> out.put(f, new ArrayList<>()));
        List<String> names = texts(r, first);
        List<String> values = texts(r, first + 1);
        java.sql.Array countArray = r.getArray(first + 2);
        Long[] counts = countArray == null ? new Long[0] : (Long[]) countArray.getArray();
        List<String> entityNames = texts(r, first + 3);
        for (int i = 0; i < names.size(); i++) {
            out.get(names.get(i)).add(new FacetValue(values.get(i), entityNames.get(i), counts[i]));
        }
        out.values().forEach(v -> v.sort((x, y) -> x.count() != y.count()
                ? Long.compare(y.count(), x.count()) : x.value().compareTo(y.value())));
        return out;
    }

    private static List<String> texts(ResultSet r, int column) throws SQLException {
        java.sql.Array array = r.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
