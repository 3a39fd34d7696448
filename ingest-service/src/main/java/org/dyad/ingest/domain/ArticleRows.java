package org.dyad.ingest.domain;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dyad.ingest.dedup.NearDuplicateDetector;
import org.postgresql.PGConnection;

/**
 * Set-at-a-time SQL for storing a chunk of new articles: the look-ups take one array parameter for the whole
 * chunk, the inserts are JDBC batches (rewritten by the driver into multi-row inserts). Every statement text is
 * fixed, so the server and the driver prepare each once. Runs on the connection of the caller's transaction.
 */
public final class ArticleRows {

    /** An article's band rows as COPY text: a key (up to 20 characters), a tab, a 36-character id, a newline each. */
    private static final int BAND_ROW_CHARS = NearDuplicateDetector.BANDS * 59;

    private ArticleRows() {
    }

    /** An article already stored, as the duplicate look-ups return it. */
    public record Existing(UUID id, ArticleStatus status, String contentHash, String idempotencyKey) {
    }

    /** A stored article that shares band keys with the new article at {@code index} of the chunk. */
    public record Candidate(int index, UUID articleId, UUID clusterId, byte[] signature) {
    }

    /** The stored articles holding any of these content hashes, by hash. */
    public static Map<String, Existing> byContentHash(Connection c, Collection<String> hashes) throws SQLException {
        return existing(c, "content_hash = any(?::bpchar[])", hashes, true); // bpchar: the unique index applies
    }

    /** The stored articles holding any of these idempotency keys, by key. */
    public static Map<String, Existing> byIdempotencyKey(Connection c, Collection<String> keys) throws SQLException {
        return existing(c, "idempotency_key = any(?::text[])", keys, false);
    }

    private static Map<String, Existing> existing(Connection c, String condition, Collection<String> values,
            boolean byHash) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        if (values.isEmpty()) {
            return found;
        }
        // condition is one of the two constants above, never input
        try (PreparedStatement s = c.prepareStatement("select id, status, content_hash, idempotency_key from article "
                + "where " + condition)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Existing e = new Existing(r.getObject(1, UUID.class), ArticleStatus.valueOf(r.getString(2)),
                            r.getString(3), r.getString(4));
                    found.put(byHash ? e.contentHash() : e.idempotencyKey(), e);
                }
            }
        }
        return found;
    }

    /**
     * For each article of the chunk, the stored articles sharing the most of its band keys, at most {@code limit}
     * each: the pairs with the highest similarity share the most bands, so a story with thousands of stored
     * copies still gives a bounded list. {@code bands.get(i)} are the keys of the chunk's article {@code i}.
     */
    public static List<Candidate> sharingMost(Connection c, List<long[]> bands, int limit) throws SQLException {
        int total = 0;
        for (long[] keys : bands) {
            total += keys.length;
        }
        List<Candidate> result = new ArrayList<>();
        if (total == 0) {
            return result;
        }
        Long[] keys = new Long[total];
        Integer[] owners = new Integer[total];
        int n = 0;
        for (int i = 0; i < bands.size(); i++) {
            for (long key : bands.get(i)) {
                keys[n] = key;
                owners[n++] = i;
            }
        }
        // Two statements: the ranking reads only the band index; the signatures are then fetched by primary key
        // (one statement joining both made the planner scan the whole article table).
        Map<Integer, List<UUID>> ranked = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                select idx, article_id from (
                    select k.idx, b.article_id,
                           row_number() over (partition by k.idx order by count(*) desc, b.article_id) rank
                    from unnest(?::bigint[], ?::integer[]) k(band_key, idx)
                    join article_band b on b.band_key = k.band_key
                    group by k.idx, b.article_id) shared
                where rank <= ?""")) {
            s.setArray(1, c.createArrayOf("bigint", keys));
            s.setArray(2, c.createArrayOf("integer", owners));
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(2, UUID.class);
                    ranked.computeIfAbsent(r.getInt(1), i -> new ArrayList<>()).add(id);
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            return result;
        }
        Map<UUID, Object[]> stored = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select id, cluster_id, signature from article where id = any(?::uuid[]) and signature is not null")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.put(r.getObject(1, UUID.class), new Object[] {r.getObject(2, UUID.class), r.getBytes(3)});
                }
            }
        }
        ranked.forEach((index, articles) -> {
            for (UUID id : articles) {
                Object[] row = stored.get(id);
                if (row != null) {
                    result.add(new Candidate(index, id, (UUID) row[0], (byte[]) row[1]));
                }
            }
        });
        return result;
    }

    /** Inserts the new articles, their band keys and their outbox rows. */
    public static void insert(Connection c, List<Article> articles, List<long[]> bands, List<OutboxEvent> outbox)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into article (id, title, raw_text, text, cleaning, source, url, author, language,
                    language_confidence, published_at, date_source, content_hash, idempotency_key, status,
                    status_reason, pipeline_version, signature, cluster_id, near_duplicate_of,
                    near_duplicate_similarity, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Article a : articles) {
                int i = 1;
                s.setObject(i++, a.id);
                s.setString(i++, a.title);
                s.setString(i++, a.rawText);
                s.setString(i++, a.text);
                s.setString(i++, a.cleaning);
                s.setString(i++, a.source);
                s.setString(i++, a.url);
                s.setString(i++, a.author);
                s.setString(i++, a.language);
                s.setDouble(i++, a.languageConfidence);
                s.setObject(i++, a.publishedAt);
                s.setString(i++, a.dateSource);
                s.setString(i++, a.contentHash);
                s.setString(i++, a.idempotencyKey);
                s.setString(i++, a.status.name());
                s.setString(i++, a.statusReason);
                s.setString(i++, a.pipelineVersion);
                s.setBytes(i++, a.signature);
                s.setObject(i++, a.clusterId);
                s.setObject(i++, a.nearDuplicateOf);
                if (a.nearDuplicateSimilarity == null) {
                    s.setNull(i++, Types.DOUBLE);
                } else {
                    s.setDouble(i++, a.nearDuplicateSimilarity);
                }
                s.setObject(i++, utc(a.createdAt));
                s.setObject(i++, utc(a.updatedAt));
                s.addBatch();
            }
            s.executeBatch();
        }
        StringBuilder rows = new StringBuilder(articles.size() * BAND_ROW_CHARS);
        for (int i = 0; i < articles.size(); i++) {
            appendBandRows(rows, articles.get(i).id, bands.get(i));
        }
        copyBandRows(c, rows);
        insertOutbox(c, outbox);
    }

    /**
     * Appends an article's band keys as rows of COPY text, each key once (two bands giving one 64-bit key is all but
     * impossible): the article is new, so no stored row can hold its id, and the rows need no uniqueness check.
     */
    public static void appendBandRows(StringBuilder rows, UUID article, long[] keys) {
        String owner = article.toString();
        for (long key : Arrays.stream(keys).distinct().toArray()) {
            rows.append(key).append('\t').append(owner).append('\n');
        }
    }

    /**
     * Writes band rows with COPY rather than INSERT ... SELECT unnest(...): the server inserts them in multi-row
     * batches (one WAL record a page instead of one a row: 25 % less WAL, bench/ingest) and parses no array literal.
     */
    public static void copyBandRows(Connection c, CharSequence rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy article_band (band_key, article_id) from stdin",
                    new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("could not copy band keys: " + e.getMessage(), e);
        }
    }

    /** Inserts outbox rows (one JDBC batch). */
    public static void insertOutbox(Connection c, List<OutboxEvent> outbox) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into outbox_event (id, article_id, topic, payload, created_at, request_id, trace_parent)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (OutboxEvent o : outbox) {
                s.setObject(1, o.id);
                s.setObject(2, o.articleId);
                s.setString(3, o.topic);
                s.setString(4, o.payload);
                s.setObject(5, utc(o.createdAt));
                s.setString(6, o.requestId);
                s.setString(7, o.traceParent);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
