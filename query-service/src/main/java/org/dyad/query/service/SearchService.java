package org.dyad.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Full-text search over the read model with PostgreSQL's own text search: native SQL because JPQL
 * has no tsquery, and always with bound parameters so the user's query is data, never SQL.
 */
@ApplicationScoped
public class SearchService {

    // websearch_to_tsquery accepts what users type ("quoted phrases", or, -not) and never raises a syntax error.
    private static final String HITS = """
            SELECT a.id, a.title,
                   ts_headline('english', a.text, q.query,
                               'StartSel=<mark>, StopSel=</mark>, MinWords=15, MaxWords=35') AS snippet,
                   a.source, a.published_at, ts_rank_cd(a.search, q.query) AS rank
            FROM article a CROSS JOIN websearch_to_tsquery('english', :q) AS q(query)
            WHERE a.search @@ q.query
            ORDER BY rank DESC, a.published_at DESC NULLS LAST, a.id
            LIMIT :limit
            """;

    private static final String TOTAL = """
            SELECT count(*) AS total
            FROM article a
            WHERE a.search @@ websearch_to_tsquery('english', :q)
            """;

    private final EntityManager em;

    SearchService(EntityManager em) {
        this.em = em;
    }

    /** The {@code limit} best matches of {@code query}, best rank first, then newest. */
    public SearchPage search(String query, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(HITS)
                .unwrap(NativeQuery.class)
                .addScalar("id", UUID.class)
                .addScalar("title", String.class)
                .addScalar("snippet", String.class)
                .addScalar("source", String.class)
                .addScalar("published_at", LocalDate.class)
                .addScalar("rank", Float.class)
                .setParameter("q", query)
                .setParameter("limit", limit)
                .getResultList();
        List<SearchHit> hits = rows.stream()
                .map(row -> new SearchHit((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (LocalDate) row[4], (Float) row[5]))
                .toList();
        Number total = (Number) em.createNativeQuery(TOTAL)
                .unwrap(NativeQuery.class)
                .addScalar("total", Long.class)
                .setParameter("q", query)
                .getSingleResult();
        return new SearchPage(total.longValue(), hits);
    }
}
