package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.dyad.ingest.dedup.NearDuplicateDetector;
import org.dyad.ingest.dedup.Signature;
import org.dyad.ingest.domain.ArticleRows;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The near-duplicate bands went from 32 of 4 rows to 16 of 3 ({@link NearDuplicateDetector#BANDS}): every stored
 * band key is recomputed from the article's stored signature (the signature itself is unchanged), so stored
 * articles keep being found by new ones. The keys are written without the index, which is built once at the end.
 * Java, not SQL: the keys are the detector's own 64-bit mix of the rows.
 */
public class V9__band_keys_sixteen_by_three extends BaseJavaMigration {

    private static final int PAGE = 5_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        NearDuplicateDetector detector = NearDuplicateDetector.standard();
        try (Statement s = c.createStatement()) {
            s.execute("drop index if exists article_band_key");
            s.execute("truncate article_band");
        }
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's (byte-wise) order
        try (PreparedStatement page = c.prepareStatement("select id, signature from article "
                + "where signature is not null and id > ? order by id limit " + PAGE)) {
            while (after != null) {
                page.setObject(1, after);
                StringBuilder rows = new StringBuilder();
                UUID last = null;
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        last = r.getObject(1, UUID.class);
                        Signature signature;
                        try {
                            signature = Signature.fromBytes(r.getBytes(2));
                        } catch (IllegalArgumentException notOurs) {
                            continue; // not a signature of this format: the article stays out of the bands, as before
                        }
                        if (signature.length() == detector.signatureLength()) {
                            ArticleRows.appendBandRows(rows, last, detector.bandKeys(signature));
                        }
                    }
                }
                ArticleRows.copyBandRows(c, rows);
                after = last;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index article_band_key on article_band using hash (band_key)");
        }
    }
}
