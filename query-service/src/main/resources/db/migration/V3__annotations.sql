-- The whole of Annotations in the read model, plus the aggregates that keep profiles and relations fast.
--
-- Per-article rows (sentence, mention, article_entity, entity_pair, article_topic, date_mention, amount,
-- quote, coded_event, event_actor) are keyed by article_id with ON DELETE CASCADE: re-enriching an
-- article deletes them and writes them again in the same transaction.
-- Aggregates (entity counters, entity_month, pair_month, pair_total, pair_topic) are counters that the same
-- transaction moves by the difference between the old and the new enrichment. Every writer locks in one
-- order (article row, then entity rows by id, then entity_month, pair_month, pair_total, pair_topic by key), so
-- concurrent writers wait for each other but never deadlock.
-- Undated articles count under the month 0001-01-01 (the API shows them as "undated").

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE article ADD COLUMN cluster_id uuid;
ALTER TABLE article ADD COLUMN tone double precision;
ALTER TABLE article ADD COLUMN document_date date;
ALTER TABLE article ADD COLUMN document_date_inferred boolean;
ALTER TABLE article ADD COLUMN document_date_source text;
-- The date the article is filtered, sorted and counted by: publication date, else the enrichment's document date.
ALTER TABLE article ADD COLUMN article_date date;
-- Denormalised filter values: GIN array indexes combine with the full-text index in one bitmap scan.
ALTER TABLE article ADD COLUMN entity_ids text[] NOT NULL DEFAULT '{}';
ALTER TABLE article ADD COLUMN entity_types text[] NOT NULL DEFAULT '{}';
ALTER TABLE article ADD COLUMN countries text[] NOT NULL DEFAULT '{}';
ALTER TABLE article ADD COLUMN topics text[] NOT NULL DEFAULT '{}';

CREATE INDEX article_entity_ids_idx ON article USING gin (entity_ids);
CREATE INDEX article_entity_types_idx ON article USING gin (entity_types);
CREATE INDEX article_countries_idx ON article USING gin (countries);
CREATE INDEX article_topics_idx ON article USING gin (topics);
-- the sort key of "newest first": undated articles last
CREATE INDEX article_date_idx ON article ((coalesce(article_date, DATE '0001-01-01')) DESC, id DESC);
-- date-range filters (the expression index above serves only the sort)
CREATE INDEX article_published_idx ON article (article_date);
CREATE INDEX article_source_idx ON article (source);

ALTER TABLE entity ADD COLUMN country text;
ALTER TABLE entity ADD COLUMN known boolean NOT NULL DEFAULT false;
ALTER TABLE entity ADD COLUMN article_count integer NOT NULL DEFAULT 0;
ALTER TABLE entity ADD COLUMN mention_count integer NOT NULL DEFAULT 0;

-- Names and surface forms an entity is known by (its canonical name included); they accumulate.
CREATE TABLE entity_alias (
    entity_id text NOT NULL REFERENCES entity (id),
    alias     text NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_alias_trgm_idx ON entity_alias USING gin (lower(alias) gin_trgm_ops);

-- Roles an entity holds, as articles and dictionaries give them; role_key identifies one role.
CREATE TABLE entity_role (
    entity_id    text NOT NULL REFERENCES entity (id),
    role_key     text NOT NULL,
    title        text,
    country      text,
    organization text,
    from_date    date,
    to_date      date,
    source       text,
    PRIMARY KEY (entity_id, role_key)
);

CREATE TABLE sentence (
    article_id   uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    idx          integer NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- One row per entity named in an article.
CREATE TABLE article_entity (
    article_id    uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id     text    NOT NULL REFERENCES entity (id),
    mention_count integer NOT NULL,
    month         date    NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entity_entity_idx ON article_entity (entity_id, month);

-- Two actors named in the same article (entity_a < entity_b), with the sentences naming both.
CREATE TABLE entity_pair (
    article_id   uuid      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_a     text      NOT NULL,
    entity_b     text      NOT NULL,
    article_date date,
    month        date      NOT NULL,
    sentences    integer[] NOT NULL,
    PRIMARY KEY (article_id, entity_a, entity_b)
);
CREATE INDEX entity_pair_ab_idx ON entity_pair (entity_a, entity_b, article_date DESC NULLS LAST, article_id);

CREATE TABLE entity_month (
    entity_id text    NOT NULL,
    month     date    NOT NULL,
    articles  integer NOT NULL,
    mentions  integer NOT NULL,
    PRIMARY KEY (entity_id, month)
);

-- Co-mention counters of a pair per month: articles naming both, articles with a sentence naming both,
-- and the number of such sentences.
CREATE TABLE pair_month (
    entity_a               text    NOT NULL,
    entity_b               text    NOT NULL,
    month                  date    NOT NULL,
    articles               integer NOT NULL,
    same_sentence_articles integer NOT NULL,
    same_sentences         integer NOT NULL,
    PRIMARY KEY (entity_a, entity_b, month)
);
CREATE INDEX pair_month_b_idx ON pair_month (entity_b, entity_a, month);

-- The same counters over all time, so that the partners of a much-named actor are a short index range.
CREATE TABLE pair_total (
    entity_a               text    NOT NULL,
    entity_b               text    NOT NULL,
    articles               integer NOT NULL,
    same_sentence_articles integer NOT NULL,
    same_sentences         integer NOT NULL,
    PRIMARY KEY (entity_a, entity_b)
);
CREATE INDEX pair_total_b_idx ON pair_total (entity_b, entity_a);

CREATE TABLE pair_topic (
    entity_a text    NOT NULL,
    entity_b text    NOT NULL,
    topic    text    NOT NULL,
    articles integer NOT NULL,
    PRIMARY KEY (entity_a, entity_b, topic)
);

CREATE TABLE article_topic (
    article_id uuid             NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    topic      text             NOT NULL,
    score      double precision NOT NULL,
    PRIMARY KEY (article_id, topic)
);

CREATE TABLE date_mention (
    article_id   uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    text         text    NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    sentence     integer NOT NULL,
    value        text,
    relative     boolean NOT NULL
);
CREATE INDEX date_mention_article_idx ON date_mention (article_id);

CREATE TABLE amount (
    article_id   uuid             NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind         text             NOT NULL,
    text         text             NOT NULL,
    start_offset integer          NOT NULL,
    end_offset   integer          NOT NULL,
    sentence     integer          NOT NULL,
    value        double precision NOT NULL,
    currency     text,
    about        text
);
CREATE INDEX amount_article_idx ON amount (article_id);

CREATE TABLE quote (
    article_id    uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    idx           integer NOT NULL,
    text          text    NOT NULL,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    sentence      integer NOT NULL,
    speaker_id    text,
    speaker_name  text,
    speaker_start integer NOT NULL,
    speaker_end   integer NOT NULL,
    article_date  date,
    search        tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quote_speaker_idx ON quote (speaker_id, article_date DESC NULLS LAST, article_id, idx);
CREATE INDEX quote_search_idx ON quote USING gin (search);

-- Coded events (issue 5 fills them; GET /events comes later). One row per event, one per actor and side:
-- the dyads of a multi-party event are the source x target rows of event_actor.
CREATE TABLE coded_event (
    article_id    uuid             NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    event_id      text             NOT NULL,
    cameo_code    text,
    cameo_name    text,
    quad_class    integer          NOT NULL,
    goldstein     double precision NOT NULL,
    plover_type   text,
    plover_mode   text,
    trigger       text,
    trigger_start integer          NOT NULL,
    trigger_end   integer          NOT NULL,
    mode          text,
    event_date    date,
    sentence      integer          NOT NULL,
    confidence    double precision NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX coded_event_date_idx ON coded_event (event_date);

CREATE TABLE event_actor (
    article_id   uuid    NOT NULL,
    event_id     text    NOT NULL,
    side         text    NOT NULL CHECK (side IN ('source', 'target')),
    position     integer NOT NULL,
    entity_id    text    NOT NULL,
    name         text,
    type         text,
    country      text,
    role         text,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    PRIMARY KEY (article_id, event_id, side, position),
    FOREIGN KEY (article_id, event_id) REFERENCES coded_event (article_id, event_id) ON DELETE CASCADE
);
CREATE INDEX event_actor_entity_idx ON event_actor (entity_id, side);
