package org.dyad.ingest.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/** The LSH band index over stored articles ({@code article_band}): who shares a band key with whom. */
public final class ArticleBands {

    private ArticleBands() {
    }

    /** A stored article that shares at least one band key: its id, cluster and signature. */
    public record Row(UUID articleId, UUID clusterId, byte[] signature) {
    }

    /**
     * The articles sharing the most of the keys (each once), at most {@code limit}: the pairs with the highest
     * similarity share the most bands, so a story with thousands of stored copies still costs one bounded look-up.
     */
    @SuppressWarnings("unchecked")
    public static List<Row> sharingMost(long[] keys, int limit) {
        if (keys.length == 0) {
            return List.of();
        }
        // The keys are numbers this service computed, never client input, so they go into the SQL as literals:
        // one statement, however many bands.
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select a.id, a.cluster_id, a.signature from article a join (select article_id, count(*) shared "
                        + "from article_band where band_key in (" + literals(keys) + ") group by article_id "
                        + "order by shared desc limit :limit) b on b.article_id = a.id where a.signature is not null")
                .setParameter("limit", limit)
                .getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Row((UUID) row[0], (UUID) row[1], (byte[]) row[2]));
        }
        return result;
    }

    /** Records the article's band keys. */
    public static void store(UUID articleId, long[] keys) {
        if (keys.length == 0) {
            return;
        }
        StringJoiner values = new StringJoiner(",");
        for (long key : keys) {
            values.add("(" + key + ", :id)");
        }
        Panache.getEntityManager()
                .createNativeQuery("insert into article_band (band_key, article_id) values " + values
                        + " on conflict do nothing")
                .setParameter("id", articleId)
                .executeUpdate();
    }

    private static String literals(long[] keys) {
        StringJoiner joined = new StringJoiner(",");
        for (long key : keys) {
            joined.add(Long.toString(key));
        }
        return joined.toString();
    }
}
