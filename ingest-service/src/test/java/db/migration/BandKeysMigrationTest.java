package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.dyad.ingest.dedup.NearDuplicateDetector;
import org.dyad.ingest.dedup.Signature;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V9 on a real PostgreSQL holding articles of the 32-band schema: their band keys are replaced by the 16 of the
 * current detector, computed from the stored signatures, and the hash index is back.
 */
class BandKeysMigrationTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void storedArticlesGetTheBandKeysOfTheCurrentDetectorFromTheirSignatures() throws Exception {
        DataSource db = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("8").load().migrate();

        NearDuplicateDetector detector = NearDuplicateDetector.standard();
        NearDuplicateDetector old = new NearDuplicateDetector(5, 32, 4, 0.5, NearDuplicateDetector.SEED);
        List<UUID> ids = new ArrayList<>();
        List<Signature> signatures = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 7; i++) { // more than one article, fewer than a page
                String text = "Article " + i + ": the ministers of Pakistan and Turkey met in Ankara on Thursday to sign "
                        + "an agreement on energy, trade and defence industry cooperation number " + i + ".";
                Signature signature = detector.signature(text);
                UUID id = UUID.randomUUID();
                insertArticle(c, id, text, signature.toBytes());
                for (long key : old.bandKeys(old.signature(text))) { // what the 32-band version stored
                    try (PreparedStatement s = c.prepareStatement("insert into article_band values (?, ?)")) {
                        s.setLong(1, key);
                        s.setObject(2, id);
                        s.executeUpdate();
                    }
                }
                ids.add(id);
                signatures.add(signature);
            }
            insertArticle(c, UUID.randomUUID(), "An article stored without a signature.", null);
            assertThat(count(c, "select count(*) from article_band")).isEqualTo(7 * 32);
        }

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        try (Connection c = db.getConnection()) {
            assertThat(count(c, "select count(*) from article_band")).isEqualTo(7 * NearDuplicateDetector.BANDS);
            for (int i = 0; i < ids.size(); i++) {
                List<Long> stored = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "select band_key from article_band where article_id = ? order by band_key")) {
                    s.setObject(1, ids.get(i));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            stored.add(r.getLong(1));
                        }
                    }
                }
                assertThat(stored).containsExactlyElementsOf(
                        LongStream.of(detector.bandKeys(signatures.get(i))).sorted().boxed().toList());
            }
            assertThat(count(c, "select count(*) from pg_indexes where tablename = 'article_band' "
                    + "and indexname = 'article_band_key' and indexdef like '%USING hash%'")).isEqualTo(1);
        }
    }

    private static void insertArticle(Connection c, UUID id, String text, byte[] signature) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into article (id, raw_text, text, date_source, "
                + "content_hash, status, signature, created_at, updated_at) "
                + "values (?, ?, ?, 'ingest-time', ?, 'CLEANED', ?, now(), now())")) {
            s.setObject(1, id);
            s.setString(2, text);
            s.setString(3, text);
            s.setString(4, String.format("%064x", id.getLeastSignificantBits() & Long.MAX_VALUE));
            s.setBytes(5, signature);
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
