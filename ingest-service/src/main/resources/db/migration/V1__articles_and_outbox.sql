-- Articles as received and cleaned; the cleaned text is what every NLP offset refers to.
create table article (
    id               uuid primary key,
    title            text,
    raw_text         text        not null,
    text             text        not null,
    source           text,
    url              text,
    language         text,
    published_at     date,
    date_source      text        not null,
    content_hash     char(64)    not null unique,
    idempotency_key  text        unique,
    status           text        not null,
    status_reason    text,
    pipeline_version text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- Transactional outbox: written in the same transaction as the article, published by the relay.
create table outbox_event (
    id            uuid primary key,
    article_id    uuid        not null references article (id),
    topic         text        not null,
    payload       text        not null,
    created_at    timestamptz not null,
    claimed_until timestamptz,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (created_at) where published_at is null;
