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

    /** The articles sharing any of the keys (each once). */
    @SuppressWarnings("unchecked")
    public static List<Row> sharingAny(long[] keys) {
        if (keys.length == 0) {
            return List.of();
        }
        // The keys are numbers this service computed, never client input, so they go into the SQL as literals:
        // one statement, however many bands.
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select a.id, a.cluster_id, a.signature from article a where a.signature is not null and a.id in "
                        + "(select b.article_id from article_band b where b.band_key in (" + literals(keys) + "))")
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
