-- The read model of query-service, built only from articles.enriched.
-- Each later kind of annotation (events, quotes, relations) gets its own table keyed by
-- article_id with ON DELETE CASCADE, like mention, so that re-enriching an article replaces
-- everything derived from it in one transaction.

CREATE TABLE article (
    id               uuid PRIMARY KEY,
    title            text,
    text             text        NOT NULL,
    source           text,
    url              text,
    language         text,
    published_at     date,
    pipeline_version text        NOT NULL,
    -- occurredAt of the enrichment event applied last: an older event never overwrites a newer one
    enriched_at      timestamptz NOT NULL,
    event_id         uuid        NOT NULL,
    -- the explicit 'english' configuration keeps to_tsvector immutable, as a generated column requires
    search           tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
                         setweight(to_tsvector('english'::regconfig, text), 'B')) STORED
);

CREATE INDEX article_search_idx ON article USING gin (search);

-- Entities are shared by all articles; their ids come from the pipeline (e.g. country:pakistan).
CREATE TABLE entity (
    id   text PRIMARY KEY,
    name text NOT NULL,
    type text NOT NULL
);

CREATE TABLE mention (
    id           bigserial PRIMARY KEY,
    article_id   uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id    text    NOT NULL REFERENCES entity (id),
    text         text    NOT NULL,
    -- UTF-16 offsets into article.text, end exclusive
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    sentence     integer NOT NULL,
    CONSTRAINT mention_offsets_valid CHECK (start_offset >= 0 AND end_offset >= start_offset)
);

CREATE INDEX mention_entity_idx ON mention (entity_id);
CREATE INDEX mention_article_idx ON mention (article_id);
