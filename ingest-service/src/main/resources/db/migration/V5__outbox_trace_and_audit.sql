-- The request that stored the article, carried onto the Kafka record so one call can be followed through the
-- services' logs (request id) and traces (W3C traceparent).
alter table outbox_event add column request_id text;
alter table outbox_event add column trace_parent text;

-- Audit trail of every write and admin action: who, what, when, outcome.
create table audit_event (
    id          bigserial   primary key,
    at          timestamptz not null,
    actor       text        not null,
    client_id   text,
    roles       text,
    method      text        not null,
    path        text        not null,
    action      text        not null,
    article_id  uuid,
    status      int         not null,
    outcome     text        not null,
    request_id  text
);
create index audit_event_at on audit_event (at desc);
create index audit_event_actor on audit_event (actor, at desc);
