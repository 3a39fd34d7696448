package org.dyad.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Quotations by speaker and by their words, newest first, with keyset cursors. */
@ApplicationScoped
public class QuoteService {

    private final DataSource dataSource;

    public QuoteService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A quotation; offsets point into the article's text. */
    public record QuoteHit(UUID articleId, String title, LocalDate date, String speakerId, String speakerName,
            String text, int start, int end, int sentence) {
    }

    /** A page of quotations; {@code next} is null on the last page. */
    public record Page(List<QuoteHit> quotes, String next) {
    }

    /** Quotes of {@code speaker} (an entity id, or null for all) whose words match {@code text} (or null). */
    public Page find(String speaker, String text, int limit, String cursor) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT q.article_id, a.title, q.article_date, q.speaker_id, q.speaker_name, q.text, q.start_offset,
                       q.end_offset, q.sentence, q.idx, coalesce(q.article_date, DATE '0001-01-01') AS sort_date
                FROM quote q JOIN article a ON a.id = q.article_id WHERE true""");
        if (speaker != null) {
            sql.append(" AND q.speaker_id = ?");
            params.add(speaker);
        }
        if (text != null) {
            sql.append(" AND q.search @@ websearch_to_tsquery('english', ?)");
            params.add(text);
        }
        String fingerprint = speaker + "\u001e" + text;
        if (cursor != null) {
            List<String> key = Cursor.decode(cursor, fingerprint, 3);
            try {
                sql.append(" AND (coalesce(q.article_date, DATE '0001-01-01'), q.article_id, q.idx) < (?, ?, ?)");
                params.add(LocalDate.parse(key.get(0)));
                params.add(UUID.fromString(key.get(1)));
                params.add(Integer.parseInt(key.get(2)));
            } catch (RuntimeException malformed) {
                throw new InvalidRequest("invalid-cursor", "cursor", "The cursor is not one this search returned.");
            }
        }
        sql.append(" ORDER BY sort_date DESC, q.article_id DESC, q.idx DESC LIMIT ?");
        params.add(limit + 1);
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rows = Db.list(c, sql.toString(), params, r -> new Object[] {
                    new QuoteHit(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, LocalDate.class),
                            r.getString(4), r.getString(5), r.getString(6), r.getInt(7), r.getInt(8), r.getInt(9)),
                    r.getInt(10), r.getObject(11, LocalDate.class)});
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                Object[] last = rows.get(limit - 1);
                next = Cursor.encode(fingerprint, List.of(last[2].toString(),
                        ((QuoteHit) last[0]).articleId().toString(), last[1].toString()));
            }
            return new Page(rows.stream().map(r -> (QuoteHit) r[0]).toList(), next);
        } catch (SQLException e) {
            throw Db.failure(e);
        }
    }
}
