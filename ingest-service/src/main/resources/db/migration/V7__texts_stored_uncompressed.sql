-- The raw and cleaned texts of an article are stored out of line without compression (ADR 0007): PostgreSQL's
-- pglz compressed each of them on every insert, ~0.2 ms of server CPU an article (bench/ingest), for about half
-- the disk. Applies to rows written from now on; rows already stored stay as they are, and read the same.
alter table article alter column raw_text set storage external;
alter table article alter column text set storage external;
