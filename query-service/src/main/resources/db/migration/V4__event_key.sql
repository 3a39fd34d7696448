-- Counting events once (issue 5). An event is reported in many articles: near-duplicate copies of one story
-- (one ingest cluster), and independent reports of it (other clusters). Each report is one coded_event row; the
-- rows that are the same event share an event_key, and every query counts keys, not rows:
--
--   event_key = first 128 bits of SHA-256 over
--               full CAMEO code | mode | event day (YYYY-MM-DD, or 'undated') | source entity ids | target entity ids
--
-- where the id lists are the distinct ids of each side in byte order ("C" collation), and the event day is the
-- coded event date, else the article's date (publication date, else the enrichment's document date). Mode is in the
-- key because "signed" and "denied signing" are two claims; the day is, as in the ICEWS/Phoenix one-a-day
-- filter, because the same actors do the same thing again on other days. The cluster is *not* in the key: reports
-- from other clusters are the same event too, and count as its independent sources (distinct clusters) at query
-- time, so a copy or a corroborating report that arrives later joins the event it reports without a rewrite.

ALTER TABLE coded_event ADD COLUMN event_day date;
-- the distinct entity ids of each side, in position order; the dyads of an event are source x target, ids different
ALTER TABLE coded_event ADD COLUMN source_ids text[] NOT NULL DEFAULT '{}';
ALTER TABLE coded_event ADD COLUMN target_ids text[] NOT NULL DEFAULT '{}';

UPDATE coded_event e SET event_day = coalesce(e.event_date, a.article_date) FROM article a WHERE a.id = e.article_id;
UPDATE coded_event e SET
    source_ids = coalesce((SELECT array_agg(x.entity_id ORDER BY x.first) FROM (
            SELECT entity_id, min(position) AS first FROM event_actor
            WHERE article_id = e.article_id AND event_id = e.event_id AND side = 'source' GROUP BY entity_id) x), '{}'),
    target_ids = coalesce((SELECT array_agg(x.entity_id ORDER BY x.first) FROM (
            SELECT entity_id, min(position) AS first FROM event_actor
            WHERE article_id = e.article_id AND event_id = e.event_id AND side = 'target' GROUP BY entity_id) x), '{}');

-- The one definition of the key. IMMUTABLE is true of it (to_char with this pattern reads no locale setting), and it
-- lets the key be a stored generated column, computed by PostgreSQL on every write and for the rows above.
CREATE FUNCTION coded_event_key(cameo_code text, mode text, event_day date, source_ids text[], target_ids text[])
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT left(encode(sha256(convert_to(concat_ws(chr(31),
               coalesce(cameo_code, ''),
               coalesce(mode, ''),
               coalesce(to_char(event_day, 'YYYY-MM-DD'), 'undated'),
               (SELECT coalesce(string_agg(x, chr(30) ORDER BY x), '')
                FROM (SELECT DISTINCT s COLLATE "C" AS x FROM unnest(source_ids) s) xs),
               (SELECT coalesce(string_agg(x, chr(30) ORDER BY x), '')
                FROM (SELECT DISTINCT t COLLATE "C" AS x FROM unnest(target_ids) t) xt)), 'UTF8')), 'hex'), 32)
$$;

ALTER TABLE coded_event ADD COLUMN event_key text NOT NULL
    GENERATED ALWAYS AS (coded_event_key(cameo_code, mode, event_day, source_ids, target_ids)) STORED;

-- every report of an event; and the "newest first" order of events (undated last), which is the keyset of cursors
CREATE INDEX coded_event_key_idx ON coded_event (event_key);
CREATE INDEX coded_event_day_key_idx ON coded_event ((coalesce(event_day, DATE '0001-01-01')) DESC, event_key DESC);
CREATE INDEX coded_event_sources_idx ON coded_event USING gin (source_ids);
CREATE INDEX coded_event_targets_idx ON coded_event USING gin (target_ids);
CREATE INDEX coded_event_code_idx ON coded_event (cameo_code);
